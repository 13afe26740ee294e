package kz.qorgau.server.security;

import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page: every account (enable, disable, reset the second factor) and every API
 * token (revoke). No case content is reachable from here.
 */
@Controller
class AdminPages {

    static final String PAGE = "/staff/admin";

    private final AccountAdministration administration;

    AdminPages(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal StaffMember me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("accounts", administration.accounts());
        model.addAttribute("tokens", administration.tokens());
        return "security/admin";
    }

    @PostMapping(PAGE + "/accounts/{id}/disable")
    String disable(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, RedirectAttributes redirect) {
        return change(redirect, () -> administration.setEnabled(id, false, AccountAdministration.actor(me), me.id()));
    }

    @PostMapping(PAGE + "/accounts/{id}/enable")
    String enable(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, RedirectAttributes redirect) {
        return change(redirect, () -> administration.setEnabled(id, true, AccountAdministration.actor(me), me.id()));
    }

    @PostMapping(PAGE + "/accounts/{id}/reset-second-factor")
    String resetSecondFactor(
            @AuthenticationPrincipal StaffMember me, @PathVariable UUID id, RedirectAttributes redirect) {
        return change(redirect, () -> administration.resetSecondFactor(id, AccountAdministration.actor(me)));
    }

    @PostMapping(PAGE + "/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, RedirectAttributes redirect) {
        return change(redirect, () -> administration.revokeToken(id, AccountAdministration.actor(me)));
    }

    private static String change(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("done", true);
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refused.rule());
        } catch (NotFoundException gone) {
            redirect.addFlashAttribute("refused", "not-found");
        }
        return "redirect:" + PAGE;
    }
}
