package kz.qorgau.server.casework;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The staff inbox and case pages. */
@Controller
class StaffPages {

    private final Caseload caseload;
    private final Directory directory;

    StaffPages(Caseload caseload, Directory directory) {
        this.caseload = caseload;
        this.directory = directory;
    }

    @GetMapping("/staff")
    String home() {
        return "redirect:/staff/inbox";
    }

    @GetMapping("/staff/inbox")
    String inbox(@AuthenticationPrincipal StaffMember me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute(
                "organisation", directory.organisation(me.organisationCode()).orElse(null));
        model.addAttribute("cases", caseload.inbox(me));
        model.addAttribute("organisations", organisations());
        return "staff/inbox";
    }

    @GetMapping("/staff/cases/{id}")
    String caseFile(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("file", caseload.caseFile(me, id));
        model.addAttribute("organisations", organisations());
        return "staff/case";
    }

    private Map<String, Organisation> organisations() {
        return directory.organisations().stream().collect(Collectors.toMap(Organisation::code, Function.identity()));
    }
}
