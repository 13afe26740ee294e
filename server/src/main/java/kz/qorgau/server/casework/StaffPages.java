package kz.qorgau.server.casework;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qorgau.core.casework.ActionKind;
import kz.qorgau.core.risk.RiskLevel;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages: the inbox, the case page with its chronology, messages and the forms for every
 * casework step, and the oversight dashboard. Plain forms, no JavaScript; every form posts and comes
 * back to the case page (post/redirect/get) with what happened or why it was refused.
 */
@Controller
class StaffPages {

    private final Caseload caseload;
    private final Casework casework;
    private final Chronology chronology;
    private final ReporterChannel channel;
    private final OversightStats oversight;
    private final Directory directory;
    private final CaseLinks links;
    private final CaseAccess access;
    private final kz.qorgau.server.attachments.Attachments attachments;
    private final List<InboxNotices> inboxNotices;
    private final List<SignalEvidenceTexts> signalTexts;

    StaffPages(
            List<InboxNotices> inboxNotices,
            List<SignalEvidenceTexts> signalTexts,
            kz.qorgau.server.attachments.Attachments attachments,
            CaseLinks links,
            CaseAccess access,
            Caseload caseload,
            Casework casework,
            Chronology chronology,
            ReporterChannel channel,
            OversightStats oversight,
            Directory directory) {
        this.inboxNotices = inboxNotices;
        this.signalTexts = signalTexts;
        this.attachments = attachments;
        this.links = links;
        this.access = access;
        this.caseload = caseload;
        this.casework = casework;
        this.chronology = chronology;
        this.channel = channel;
        this.oversight = oversight;
        this.directory = directory;
    }

    @GetMapping("/staff")
    String home() {
        return "redirect:/staff/inbox";
    }

    @GetMapping("/staff/inbox")
    String inbox(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(name = "page", required = false, defaultValue = "0") int page,
            Model model) {
        model.addAttribute("me", me);
        model.addAttribute(
                "organisation", directory.organisation(me.organisationCode()).orElse(null));
        int shown = Math.max(0, Math.min(page, 100_000));
        List<CaseSummary> cases = caseload.inbox(me, shown);
        model.addAttribute("cases", cases);
        model.addAttribute("page", shown);
        model.addAttribute("hasOlder", cases.size() == caseload.pageSize());
        model.addAttribute(
                "notices",
                inboxNotices.stream().flatMap(n -> n.forMember(me).stream()).toList());
        model.addAttribute("organisations", organisations());
        model.addAttribute("seesAll", CaseAccess.seesAll(me));
        return "staff/inbox";
    }

    @GetMapping("/staff/cases/{id}")
    String caseFile(
            @AuthenticationPrincipal StaffMember me, @PathVariable UUID id, Model model, java.util.Locale locale) {
        CaseFile file = caseload.caseFile(me, id);
        model.addAttribute("me", me);
        model.addAttribute("file", file);
        List<Chronology.Entry> timeline = chronology.of(me, id);
        model.addAttribute("chronology", timeline);
        java.util.Map<Integer, List<SignalEvidence.Line>> evidence = new java.util.HashMap<>();
        java.util.Map<Integer, String> summaries = new java.util.HashMap<>();
        for (int i = 0; i < timeline.size(); i++) {
            java.util.Map<String, Object> detail = timeline.get(i).detail();
            if (timeline.get(i).kind().equals("signal.matched")) {
                SignalEvidenceTexts texts = signalTexts.stream()
                        .filter(t -> t.source().equals(detail.get("source")))
                        .findFirst()
                        .orElse(null);
                String summary = texts == null ? null : texts.summary(detail, locale);
                summaries.put(i, summary != null ? summary : String.valueOf(detail.getOrDefault("summary", "")));
                evidence.put(i, texts == null ? SignalEvidence.of(detail) : texts.lines(detail, locale));
            }
        }
        model.addAttribute("signalEvidence", evidence);
        model.addAttribute("signalSummary", summaries);
        model.addAttribute("messages", channel.messages(id, false));
        model.addAttribute("organisations", organisations());
        model.addAttribute(
                "referralTargets",
                directory.organisations().stream()
                        .filter(o -> o.kind() != OrganisationKind.ADMINISTRATION)
                        .filter(o -> !file.hiddenFrom().contains(o.code()))
                        .toList());
        model.addAttribute(
                "actionKinds",
                Arrays.stream(ActionKind.values()).map(ActionKind::code).toList());
        model.addAttribute(
                "riskLevels",
                Arrays.stream(RiskLevel.values()).map(RiskLevel::code).toList());
        model.addAttribute("isOversight", me.role() == Role.OVERSIGHT);
        model.addAttribute("attachments", attachments.ofCase(me, id));
        return "staff/case";
    }

    @GetMapping("/staff/oversight")
    String oversight(@AuthenticationPrincipal StaffMember me, Model model) {
        if (me.role() != Role.OVERSIGHT) {
            throw new NotFoundException("the oversight dashboard is for oversight only");
        }
        model.addAttribute("me", me);
        model.addAttribute("stats", oversight.stats(me));
        model.addAttribute("organisations", organisations());
        return "staff/oversight";
    }

    // ---- forms on the case page

    @PostMapping("/staff/cases/{id}/referrals")
    String refer(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String organisation,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return run(
                id,
                redirect,
                "done.referred",
                () -> casework.refer(me, id, text(organisation, "organisation"), text(reason, "reason")));
    }

    @PostMapping("/staff/cases/{id}/risk")
    String risk(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return run(
                id,
                redirect,
                "done.risk",
                () -> casework.setRisk(
                        me,
                        id,
                        RiskLevel.fromCode(text(level, "level"))
                                .orElseThrow(() -> new InvalidInputException("level", "unknown", "unknown risk level")),
                        text(reason, "reason")));
    }

    @PostMapping("/staff/cases/{id}/close")
    String close(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(defaultValue = "close") String how,
            RedirectAttributes redirect) {
        return run(id, redirect, "done.closed", () -> {
            if ("request".equals(how)) {
                casework.requestClose(me, id, text(outcome, "outcome"));
            } else {
                casework.close(me, id, text(outcome, "outcome"));
            }
        });
    }

    @PostMapping("/staff/cases/{id}/close-approval")
    String approveClose(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, RedirectAttributes redirect) {
        return run(id, redirect, "done.closeApproved", () -> casework.approveClose(me, id));
    }

    @PostMapping("/staff/cases/{id}/close-rejection")
    String rejectClose(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return run(id, redirect, "done.closeRejected", () -> casework.rejectClose(me, id, text(reason, "reason")));
    }

    @PostMapping("/staff/cases/{id}/messages")
    String message(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String body,
            RedirectAttributes redirect) {
        return run(id, redirect, "done.messageSent", () -> channel.fromStaff(me, id, body, caseload.maySee(me, id)));
    }

    @PostMapping("/staff/cases/{id}/links/{link}")
    String decideLink(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @PathVariable UUID link,
            @RequestParam(defaultValue = "confirm") String decision,
            RedirectAttributes redirect) {
        return run(id, redirect, "done.linkDecided", () -> links.decide(me, link, "confirm".equals(decision), access));
    }

    @PostMapping("/staff/referrals/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, RedirectAttributes redirect) {
        UUID caseId = caseload.caseOfReferral(me, id);
        return run(caseId, redirect, "done.acknowledged", () -> casework.acknowledge(me, id));
    }

    @PostMapping("/staff/referrals/{id}/actions")
    String act(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        UUID caseId = caseload.caseOfReferral(me, id);
        return run(
                caseId,
                redirect,
                "done.actionRecorded",
                () -> casework.recordAction(
                        me,
                        id,
                        ActionKind.fromCode(text(kind, "kind"))
                                .orElseThrow(() -> new InvalidInputException("kind", "unknown", "unknown action")),
                        note == null || note.isBlank() ? null : limited(note, "note")));
    }

    @PostMapping("/staff/referrals/{id}/actions/{index}/correction")
    String correct(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @PathVariable int index,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        UUID caseId = caseload.caseOfReferral(me, id);
        return run(
                caseId,
                redirect,
                "done.actionCorrected",
                () -> casework.correctAction(
                        me,
                        id,
                        index,
                        ActionKind.fromCode(text(kind, "kind"))
                                .orElseThrow(() -> new InvalidInputException("kind", "unknown", "unknown action")),
                        note == null || note.isBlank() ? null : limited(note, "note"),
                        limited(text(reason, "reason"), "reason")));
    }

    @PostMapping("/staff/referrals/{id}/redirect")
    String redirectReferral(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String organisation,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        UUID caseId = caseload.caseOfReferral(me, id);
        return run(
                caseId,
                redirect,
                "done.redirected",
                () -> casework.redirect(me, id, text(organisation, "organisation"), text(reason, "reason")));
    }

    @PostMapping("/staff/referrals/{id}/outcome")
    String outcome(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String conclusion,
            RedirectAttributes redirect) {
        UUID caseId = caseload.caseOfReferral(me, id);
        return run(
                caseId,
                redirect,
                "done.outcomeRecorded",
                () -> casework.recordOutcome(me, id, text(conclusion, "conclusion")));
    }

    /** Runs a step and comes back to the case page saying what happened or why it was refused. */
    private static String run(UUID caseId, RedirectAttributes redirect, String doneKey, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refusedRule", refused.rule());
            redirect.addFlashAttribute("refusedDetail", refused.getMessage());
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute(
                    "invalidField", invalid.violations().getFirst().field());
            redirect.addFlashAttribute(
                    "invalidDetail", invalid.violations().getFirst().message());
        }
        return "redirect:/staff/cases/" + caseId;
    }

    private static String text(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required", "is required");
        }
        return limited(value, field);
    }

    private static String limited(String value, String field) {
        if (value.length() > 4000) {
            throw new InvalidInputException(field, "too-long", "must be at most 4000 characters");
        }
        return value.strip();
    }

    private Map<String, Organisation> organisations() {
        return directory.organisations().stream().collect(Collectors.toMap(Organisation::code, Function.identity()));
    }
}
