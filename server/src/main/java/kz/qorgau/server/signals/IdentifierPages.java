package kz.qorgau.server.signals;

import java.util.Arrays;
import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/cases/{id}/identifiers}: the identifiers recorded on a case and a plain form to add one
 * (no JavaScript). A refused value is shown beside its field with what to type instead.
 */
@Controller
class IdentifierPages {

    private final KnownIdentifiers identifiers;

    IdentifierPages(KnownIdentifiers identifiers) {
        this.identifiers = identifiers;
    }

    @GetMapping("/staff/cases/{id}/identifiers")
    String page(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, Model model) {
        return render(me, id, model, null, null);
    }

    @PostMapping("/staff/cases/{id}/identifiers")
    String record(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String value,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            KnownIdentifiers.Recorded recorded = identifiers.record(me, id, kind, value);
            redirect.addFlashAttribute("done", recorded.created() ? "recorded" : "known");
            redirect.addFlashAttribute("matchedStored", recorded.matchedStored());
            return "redirect:/staff/cases/" + id + "/identifiers";
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", invalid.violations().getFirst().field());
            model.addAttribute("errorText", invalid.violations().getFirst().message());
            model.addAttribute(
                    "errorKey",
                    "sig.identifiers.error." + invalid.violations().getFirst().field() + "."
                            + invalid.violations().getFirst().code());
            return render(me, id, model, kind, value);
        } catch (RuleViolationException refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errorField", "value");
            model.addAttribute("errorText", refused.getMessage());
            model.addAttribute("errorKey", "sig.identifiers.error.limit");
            return render(me, id, model, kind, value);
        }
    }

    private String render(StaffMember me, UUID id, Model model, @Nullable String kind, @Nullable String value) {
        model.addAttribute("me", me);
        model.addAttribute("caseId", id);
        model.addAttribute("identifiers", identifiers.of(me, id));
        model.addAttribute(
                "kinds",
                Arrays.stream(IdentifierKind.values()).map(IdentifierKind::code).toList());
        model.addAttribute("kind", kind == null ? "phone" : kind);
        model.addAttribute("value", value == null ? "" : value);
        return "signals/identifiers";
    }
}
