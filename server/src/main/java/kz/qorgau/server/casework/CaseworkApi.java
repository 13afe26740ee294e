package kz.qorgau.server.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import kz.qorgau.core.casework.ActionKind;
import kz.qorgau.core.risk.RiskLevel;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Casework over the API ({@code Authorization: Bearer}, scopes {@code cases:read} and {@code
 * cases:write}). A case or referral the caller may not see is a 404; a transition the rules refuse is a
 * 409 naming the rule; an unknown organisation code is a 400.
 */
@RestController
@Tag(name = "Casework", description = "Cases and referrals for staff")
class CaseworkApi {

    private final Casework casework;
    private final CaseLinks links;
    private final CaseAccess access;
    private final Caseload caseload;
    private final Chronology chronology;
    private final ReporterChannel channel;

    CaseworkApi(
            Casework casework,
            CaseLinks links,
            CaseAccess access,
            Caseload caseload,
            Chronology chronology,
            ReporterChannel channel) {
        this.links = links;
        this.access = access;
        this.casework = casework;
        this.caseload = caseload;
        this.chronology = chronology;
        this.channel = channel;
    }

    record Refer(@Nullable String organisation, @Nullable String reason) {}

    record Act(@Nullable String kind, @Nullable String note) {}

    record Correction(
            @Nullable String kind,
            @Nullable String note,
            @Nullable String reason) {}

    record Redirect(@Nullable String organisation, @Nullable String reason) {}

    record Conclude(@Nullable String conclusion) {}

    record Risk(@Nullable String level, @Nullable String reason) {}

    record Outcome(@Nullable String outcome) {}

    record Reason(@Nullable String reason) {}

    record Body(@Nullable String body) {}

    @GetMapping("/api/v1/cases")
    @Operation(
            summary = "The cases visible to the caller, newest first",
            description = "qorgau.casework.inbox-page-size (200) per page from page 0 (?page=N); a full page"
                    + " carries a Link header with"
                    + " rel=\"next\", the last page does not.")
    ResponseEntity<List<CaseSummary>> cases(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(name = "page", required = false, defaultValue = "0") int page) {
        if (page < 0 || page > 100_000) {
            throw new InvalidInputException("page", "range", "must be between 0 and 100000");
        }
        List<CaseSummary> cases = caseload.inbox(me, page);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (cases.size() == caseload.pageSize()) {
            answer.header(HttpHeaders.LINK, "</api/v1/cases?page=" + (page + 1) + ">; rel=\"next\"");
        }
        return answer.body(cases);
    }

    @GetMapping("/api/v1/cases/{id}")
    @Operation(summary = "One case")
    CaseFile caseFile(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
        return caseload.caseFile(me, id);
    }

    @GetMapping("/api/v1/cases/{id}/chronology")
    @Operation(summary = "The case's timeline in time order")
    List<Chronology.Entry> chronology(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
        return chronology.of(me, id);
    }

    @PostMapping("/api/v1/cases/{id}/referrals")
    @Operation(summary = "Refer the case to an organisation")
    ResponseEntity<ReferralView> refer(
            @AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @RequestBody Refer body) {
        var referral = casework.refer(
                me, id, required(body.organisation(), "organisation", 64), required(body.reason(), "reason", 4000));
        return ResponseEntity.status(HttpStatus.CREATED).body(ReferralView.of(referral, referral.referredAt()));
    }

    @PostMapping("/api/v1/cases/{id}/risk")
    @Operation(summary = "Set or override the risk level, with a reason")
    CaseFile setRisk(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @RequestBody Risk body) {
        String code = required(body.level(), "level", 20);
        RiskLevel level = RiskLevel.fromCode(code)
                .orElseThrow(() -> new InvalidInputException("level", "unknown", "must be critical, high or standard"));
        casework.setRisk(me, id, level, required(body.reason(), "reason", 4000));
        return caseload.afterCommand(me, id);
    }

    @PostMapping("/api/v1/cases/{id}/close")
    @Operation(summary = "Close a case that was never high or critical")
    CaseFile close(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @RequestBody Outcome body) {
        casework.close(me, id, required(body.outcome(), "outcome", 4000));
        return caseload.afterCommand(me, id);
    }

    @PostMapping("/api/v1/cases/{id}/close-request")
    @Operation(summary = "Ask oversight to approve closing the case")
    CaseFile requestClose(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @RequestBody Outcome body) {
        casework.requestClose(me, id, required(body.outcome(), "outcome", 4000));
        return caseload.afterCommand(me, id);
    }

    @PostMapping("/api/v1/cases/{id}/close-approval")
    @Operation(summary = "Approve closing (a second person, from oversight)")
    CaseFile approveClose(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
        casework.approveClose(me, id);
        return caseload.afterCommand(me, id);
    }

    @PostMapping("/api/v1/cases/{id}/close-rejection")
    @Operation(summary = "Reject a close request (oversight)")
    CaseFile rejectClose(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @RequestBody Reason body) {
        casework.rejectClose(me, id, required(body.reason(), "reason", 4000));
        return caseload.afterCommand(me, id);
    }

    @GetMapping("/api/v1/cases/{id}/messages")
    @Operation(summary = "Messages between the reporter and case workers")
    List<ReporterChannel.Message> messages(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
        caseload.caseFile(me, id); // access check, recorded as a read
        return channel.messages(id, false);
    }

    @PostMapping("/api/v1/cases/{id}/messages")
    @Operation(summary = "Send a message to the reporter")
    ResponseEntity<ReporterChannel.Message> message(
            @AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @RequestBody Body body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(channel.fromStaff(me, id, body.body(), caseload.maySee(me, id)));
    }

    @PostMapping("/api/v1/cases/{id}/links/{link}/confirm")
    @Operation(summary = "Confirm that a linked case is about the same child (you must see both cases)")
    CaseLinks.Link confirmLink(
            @AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @PathVariable UUID link) {
        return links.decide(me, link, true, access);
    }

    @PostMapping("/api/v1/cases/{id}/links/{link}/reject")
    @Operation(summary = "Reject a proposed link: not the same child")
    CaseLinks.Link rejectLink(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @PathVariable UUID link) {
        return links.decide(me, link, false, access);
    }

    @PostMapping("/api/v1/referrals/{id}/acknowledge")
    @Operation(summary = "Acknowledge a referral to your organisation")
    ReferralView acknowledge(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
        var referral = casework.acknowledge(me, id);
        return ReferralView.of(
                referral,
                referral.acknowledgement().metAt() == null
                        ? referral.referredAt()
                        : referral.acknowledgement().metAt());
    }

    @PostMapping("/api/v1/referrals/{id}/actions/{index}/correction")
    @Operation(
            summary = "Correct a recorded action (index from 0): a further action naming it, with why",
            description = "Nothing is changed or deleted: the corrected action stays, the correction is a new"
                    + " version of the referral with who corrected it and why. 409 no-such-action for an index"
                    + " the referral does not have.")
    ReferralView correct(
            @AuthenticationPrincipal StaffMember me,
            @PathVariable UUID id,
            @PathVariable int index,
            @RequestBody Correction body) {
        ActionKind kind = ActionKind.fromCode(required(body.kind(), "kind", 40))
                .orElseThrow(() -> new InvalidInputException(
                        "kind",
                        "unknown",
                        "must be one of visit, interview, protective-measure, referral-on,"
                                + " statement-taken, police-report-registered"));
        String reason = required(body.reason(), "reason", 4000);
        String note = body.note();
        if (note != null && note.length() > 4000) {
            throw new InvalidInputException("note", "too-long", "must be at most 4000 characters");
        }
        var referral = casework.correctAction(
                me, id, index, kind, note == null || note.isBlank() ? null : note.strip(), reason);
        return ReferralView.of(referral, referral.referredAt());
    }

    @PostMapping("/api/v1/referrals/{id}/actions")
    @Operation(
            summary =
                    "Record an action: visit, interview, protective-measure, referral-on, statement-taken, police-report-registered")
    ReferralView act(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @RequestBody Act body) {
        String code = required(body.kind(), "kind", 40);
        ActionKind kind = ActionKind.fromCode(code)
                .orElseThrow(() -> new InvalidInputException(
                        "kind",
                        "unknown",
                        "must be one of visit, interview, protective-measure, referral-on,"
                                + " statement-taken, police-report-registered"));
        String note = body.note();
        if (note != null && note.length() > 4000) {
            throw new InvalidInputException("note", "too-long", "must be at most 4000 characters");
        }
        var referral = casework.recordAction(me, id, kind, note == null || note.isBlank() ? null : note.strip());
        return ReferralView.of(referral, referral.referredAt());
    }

    @PostMapping("/api/v1/referrals/{id}/redirect")
    @Operation(summary = "Redirect as not competent to the organisation that is (within 3 working days)")
    ReferralView redirect(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @RequestBody Redirect body) {
        var referral = casework.redirect(
                me, id, required(body.organisation(), "organisation", 64), required(body.reason(), "reason", 4000));
        return ReferralView.of(referral, referral.referredAt());
    }

    @PostMapping("/api/v1/referrals/{id}/outcome")
    @Operation(summary = "Record the outcome of a referral (after at least one action)")
    ReferralView outcome(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @RequestBody Conclude body) {
        var referral = casework.recordOutcome(me, id, required(body.conclusion(), "conclusion", 4000));
        return ReferralView.of(referral, referral.referredAt());
    }

    static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required", "is required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "too-long", "must be at most " + max + " characters");
        }
        return value.strip();
    }
}
