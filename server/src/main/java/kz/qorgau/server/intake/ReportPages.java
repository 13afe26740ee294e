package kz.qorgau.server.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.qorgau.server.platform.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public report form at {@code /} and {@code /report}. Works without JavaScript; the receipt is
 * rendered in the response to the submission itself, so it never passes through the session.
 */
@Controller
class ReportPages {

    private static final int MAX_FORM_TOKEN = 64;

    private final Intake intake;

    ReportPages(Intake intake) {
        this.intake = intake;
    }

    @InitBinder("report")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields(
                "formToken",
                "childName",
                "childAge",
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
                "threatenedBy");
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
        ReportRules.Checked checked = ReportRules.check(form.toDraft(language.getLanguage()), Channel.WEB, language);
        if (checked instanceof ReportRules.Invalid(List<ReportRules.Violation> violations)) {
            for (ReportRules.Violation violation : violations) {
                binding.rejectValue(
                        violation.field(),
                        "error." + violation.code(),
                        violation.arguments().toArray(),
                        null);
            }
        }
        if (binding.hasErrors()) {
            return "report/form";
        }
        Filing filing = intake.file(((ReportRules.Valid) checked).report(), formToken(form.getFormToken()));
        model.addAttribute("filing", filing);
        return switch (filing) {
            case Filing.Filed filed -> "report/received";
            case Filing.AlreadyFiled already -> "report/already";
        };
    }

    private static @Nullable String formToken(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > MAX_FORM_TOKEN) {
            return null;
        }
        return token;
    }
}
