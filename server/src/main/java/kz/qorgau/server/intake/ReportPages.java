package kz.qorgau.server.intake;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.server.attachments.AttachmentCheck;
import kz.qorgau.server.attachments.Attachments;
import kz.qorgau.server.attachments.Refusal;
import kz.qorgau.server.attachments.Upload;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public report form at {@code /} and {@code /report}. Works without JavaScript; the receipt is
 * rendered in the response to the submission itself, so it never passes through the session. Files
 * chosen in the form are checked before anything is filed, and filed in the report's transaction:
 * a refused file leaves nothing behind, and the report never exists without its files.
 */
@Controller
class ReportPages {

    private static final int MAX_FORM_TOKEN = 64;

    private final Intake intake;
    private final Reports reports;
    private final Attachments attachments;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReportPages(
            Intake intake,
            Reports reports,
            Attachments attachments,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.intake = intake;
        this.reports = reports;
        this.attachments = attachments;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @InitBinder("report")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields(
                "formToken",
                "childName",
                "childAge",
                "childBirthDate",
                "school",
                "city",
                "categories",
                "narrative",
                "since",
                "reporterRelation",
                "anonymous",
                "reporterName",
                "contact",
                "institutionRefused",
                "refusedBy",
                "threatened",
                "threatenedBy",
                "staffInvolved",
                "staffOf",
                "attachments");
    }

    @ModelAttribute("maxAttachments")
    int maxAttachments() {
        return attachments.maxPerReport();
    }

    @ModelAttribute("maxAttachmentMegabytes")
    long maxAttachmentMegabytes() {
        return Math.max(1, attachments.maxSize() / (1024 * 1024));
    }

    @ModelAttribute("categoryCodes")
    List<String> categoryCodes() {
        return Arrays.stream(Category.values()).map(Category::code).toList();
    }

    @ModelAttribute("relationCodes")
    List<String> relationCodes() {
        return Arrays.stream(ReporterRelation.values())
                .map(ReporterRelation::code)
                .toList();
    }

    @GetMapping({"/", "/report"})
    String form(Model model) {
        ReportForm form = new ReportForm();
        form.setFormToken(UUID.randomUUID().toString());
        model.addAttribute("report", form);
        return "report/form";
    }

    @PostMapping("/report")
    String submit(@ModelAttribute("report") ReportForm form, BindingResult binding, Locale locale, Model model) {
        Locale language = Languages.supported(locale.getLanguage()) == null ? Languages.FALLBACK : locale;
        ReportRules.Checked checked = ReportRules.check(
                form.toDraft(language.getLanguage()), Channel.WEB, language, ReportRules.today(clock));
        if (checked instanceof ReportRules.Invalid(List<ReportRules.Violation> violations)) {
            for (ReportRules.Violation violation : violations) {
                binding.rejectValue(
                        violation.field(),
                        "error." + violation.code(),
                        violation.arguments().toArray(),
                        null);
            }
        }
        List<Upload> uploads = form.getAttachments().stream().map(Upload::of).toList();
        AttachmentCheck files = attachments.prepare(uploads, 0);
        if (files instanceof AttachmentCheck.Refused(List<Refusal> refusals)) {
            for (Refusal refusal : refusals) {
                binding.rejectValue("attachments", refusal.messageKey(), refusal.messageArguments(), null);
            }
        }
        if (binding.hasErrors()) {
            // A browser never fills a file input in again: say so when files had been chosen.
            model.addAttribute(
                    "attachmentsToChooseAgain", form.getAttachments().stream().anyMatch(file -> !file.isEmpty()));
            return "report/form";
        }
        Filing filing =
                file(((ReportRules.Valid) checked).report(), formToken(form.getFormToken()), (AttachmentCheck.Accepted)
                        files);
        model.addAttribute("filing", filing);
        return switch (filing) {
            case Filing.Filed filed -> "report/received";
            case Filing.AlreadyFiled already -> "report/already";
        };
    }

    /** Files the report and its attachments in one transaction. */
    private Filing file(NewReport report, @Nullable String formToken, AttachmentCheck.Accepted files) {
        if (files.isEmpty()) {
            return intake.file(report, formToken);
        }
        try {
            return Objects.requireNonNull(transaction.execute(status -> {
                Filing filing = intake.file(report, formToken);
                if (filing instanceof Filing.Filed filed) {
                    attachments.attachToReport(filed.reportId(), null, files, Actor.reporter());
                }
                return filing;
            }));
        } catch (RuntimeException failed) {
            // The same form sent twice at once: the other submission won and was filed with its files.
            Optional<Filing.AlreadyFiled> earlier =
                    formToken == null ? Optional.empty() : reports.byFormToken(formToken);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            throw failed;
        }
    }

    private static @Nullable String formToken(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > MAX_FORM_TOKEN) {
            return null;
        }
        return token;
    }
}
