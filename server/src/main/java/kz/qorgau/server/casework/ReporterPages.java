package kz.qorgau.server.casework;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.server.attachments.AttachmentCheck;
import kz.qorgau.server.attachments.Attachments;
import kz.qorgau.server.attachments.Refusal;
import kz.qorgau.server.attachments.Upload;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reporter's pages under {@code /follow}: they type the receipt once (never in a URL), the session
 * then remembers which report it opened — and nothing else: no cookie beyond the session, no address
 * stored. "Leave" forgets it at once.
 */
@Controller
class ReporterPages {

    static final String SESSION_REPORT = "qorgau.reporter.report";

    private final ReporterChannel channel;
    private final Attachments attachments;
    private final MessageSource messages;

    ReporterPages(ReporterChannel channel, Attachments attachments, MessageSource messages) {
        this.channel = channel;
        this.attachments = attachments;
        this.messages = messages;
    }

    @GetMapping("/follow")
    String enter(HttpSession session) {
        return session.getAttribute(SESSION_REPORT) == null ? "reporter/enter" : "redirect:/follow/case";
    }

    @PostMapping("/follow")
    String open(@RequestParam(required = false) @Nullable String receipt, HttpServletRequest request, Model model) {
        // A missing or overlong receipt is hashed and looked up like any other (then refused), so
        // that the answer takes as long as for a wrong one.
        boolean plausible = receipt != null && receipt.length() <= 100;
        Optional<UUID> looked =
                channel.authenticate(plausible ? receipt : receipt == null ? "" : receipt.substring(0, 100));
        Optional<UUID> report = plausible ? looked : Optional.empty();
        if (report.isEmpty()) {
            model.addAttribute("notFound", true);
            return "reporter/enter";
        }
        request.changeSessionId(); // a new session id once the receipt opened something
        request.getSession().setAttribute(SESSION_REPORT, report.get());
        return "redirect:/follow/case";
    }

    @GetMapping("/follow/case")
    String view(HttpSession session, Model model) {
        UUID report = (UUID) session.getAttribute(SESSION_REPORT);
        if (report == null) {
            return "redirect:/follow";
        }
        model.addAttribute("view", channel.view(report));
        model.addAttribute("maxAttachments", attachments.maxPerReport());
        model.addAttribute("maxAttachmentMegabytes", Math.max(1, attachments.maxSize() / (1024 * 1024)));
        return "reporter/case";
    }

    @PostMapping("/follow/messages")
    String message(
            HttpSession session,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable String flag,
            @RequestParam(required = false) @Nullable String organisation,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files,
            Locale locale,
            RedirectAttributes redirect) {
        UUID report = (UUID) session.getAttribute(SESSION_REPORT);
        if (report == null) {
            return "redirect:/follow";
        }
        AttachmentCheck checked = attachments.prepare(
                files == null ? List.of() : files.stream().map(Upload::of).toList(), 0);
        if (checked instanceof AttachmentCheck.Refused(List<Refusal> refusals)) {
            // Nothing is stored: the message waits until its files are acceptable.
            redirect.addFlashAttribute("invalidField", "attachments");
            redirect.addFlashAttribute(
                    "attachmentErrors",
                    refusals.stream()
                            .map(r -> messages.getMessage(r.messageKey(), r.messageArguments(), r.code(), locale))
                            .toList());
            return "redirect:/follow/case";
        }
        try {
            channel.fromReporter(
                    report, body, ReporterApi.flag(flag), organisation, (AttachmentCheck.Accepted) checked);
            redirect.addFlashAttribute("sent", true);
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute(
                    "invalidField", invalid.violations().getFirst().field());
        } catch (NotFoundException gone) {
            session.removeAttribute(SESSION_REPORT);
            return "redirect:/follow";
        }
        return "redirect:/follow/case";
    }

    @PostMapping("/follow/leave")
    String leave(HttpSession session) {
        session.invalidate();
        return "redirect:/";
    }
}
