package kz.qorgau.server.signals;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.Filing;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school early-warning pages, plain forms without JavaScript: {@code /staff/signals} lists the
 * member's school's signals with their evidence and deadline (oversight: every school's), with the
 * two decisions for the school's case workers and supervisors; {@code /staff/signals/school/upload} is
 * where the school's data officer uploads the CSV exports.
 */
@Controller
class SchoolPages {

    private final SchoolSignals signals;
    private final SchoolIngestion ingestion;
    private final Directory directory;
    private final SignalSettings settings;

    SchoolPages(SchoolSignals signals, SchoolIngestion ingestion, Directory directory, SignalSettings settings) {
        this.signals = signals;
        this.ingestion = ingestion;
        this.directory = directory;
        this.settings = settings;
    }

    @GetMapping("/staff/signals")
    String list(@AuthenticationPrincipal StaffMember me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("signals", signals.visible(me));
        model.addAttribute("schools", schools());
        model.addAttribute("mayUpload", mayUpload(me));
        model.addAttribute("seesAll", me.role() == Role.OVERSIGHT);
        return "signals/school";
    }

    @PostMapping("/staff/signals/school/{id}/case")
    String openCase(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            Filing filing = signals.openCase(me, id);
            redirect.addFlashAttribute("done", "caseOpened");
            redirect.addFlashAttribute("reference", filing.reference());
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/staff/signals";
    }

    @PostMapping("/staff/signals/school/{id}/dismissal")
    String dismiss(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            signals.dismiss(me, id, reason);
            redirect.addFlashAttribute("done", "dismissed");
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("invalidSignal", id);
            redirect.addFlashAttribute(
                    "invalidText", invalid.violations().getFirst().message());
            redirect.addFlashAttribute(
                    "invalidKey",
                    "sig.school.error.reason." + invalid.violations().getFirst().code());
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/staff/signals";
    }

    @GetMapping("/staff/signals/school/upload")
    String uploadForm(@AuthenticationPrincipal StaffMember me, Model model) {
        requireUploader(me);
        model.addAttribute("me", me);
        return "signals/upload";
    }

    @PostMapping("/staff/signals/school/upload")
    String upload(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(name = "attendance", required = false) @Nullable MultipartFile attendance,
            @RequestParam(name = "grades", required = false) @Nullable MultipartFile grades,
            @RequestParam(name = "observations", required = false) @Nullable MultipartFile observations,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Organisation school = requireUploader(me);
        model.addAttribute("me", me);
        if (attendance == null || attendance.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errorField", "attendance");
            model.addAttribute("errorText", "attendance");
            return "signals/upload";
        }
        long limit = settings.maxInputSize().toBytes();
        try (BoundedBody a = BoundedBody.open(attendance.getInputStream(), limit, "attendance");
                BoundedBody g = SchoolApi.part(grades, limit, "grades");
                BoundedBody o = SchoolApi.part(observations, limit, "observations")) {
            model.addAttribute("result", ingestion.ingestCsv(me, school, a, g, o));
        } catch (ErrorResponseException refused) {
            ProblemDetail problem = refused.getBody();
            response.setStatus(refused.getStatusCode().value());
            model.addAttribute("errorField", "upload");
            model.addAttribute("errorText", problem.getDetail());
        }
        return "signals/upload";
    }

    private Organisation requireUploader(StaffMember me) {
        if (!mayUpload(me)) {
            throw SignalProblems.forbidden("only staff of a school upload its records");
        }
        return signals.schoolFor(me, null);
    }

    private static boolean mayUpload(StaffMember me) {
        return me.organisationKind() == OrganisationKind.SCHOOL && me.role() != Role.ADMINISTRATOR;
    }

    private Map<String, Organisation> schools() {
        Map<String, Organisation> out = new LinkedHashMap<>();
        directory.organisations(OrganisationKind.SCHOOL).forEach(o -> out.put(o.code(), o));
        return out;
    }
}
