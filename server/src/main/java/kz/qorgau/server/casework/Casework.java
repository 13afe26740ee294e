package kz.qorgau.server.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.core.casework.ActionKind;
import kz.qorgau.core.casework.Case;
import kz.qorgau.core.casework.CaseChanged;
import kz.qorgau.core.casework.CaseEvent;
import kz.qorgau.core.casework.CaseId;
import kz.qorgau.core.casework.CaseOutcome;
import kz.qorgau.core.casework.CaseworkRules;
import kz.qorgau.core.casework.Child;
import kz.qorgau.core.casework.ConflictSignal;
import kz.qorgau.core.casework.OpeningOutcome;
import kz.qorgau.core.casework.Referral;
import kz.qorgau.core.casework.ReferralChanged;
import kz.qorgau.core.casework.ReferralEvent;
import kz.qorgau.core.casework.ReferralId;
import kz.qorgau.core.casework.ReferralOpened;
import kz.qorgau.core.casework.ReferralOpening;
import kz.qorgau.core.casework.ReferralOutcome;
import kz.qorgau.core.casework.Refused;
import kz.qorgau.core.casework.Report;
import kz.qorgau.core.casework.ReportId;
import kz.qorgau.core.organisation.Organisation;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.ImmediateNotice;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.Concern;
import kz.qorgau.core.risk.ConcernFlag;
import kz.qorgau.core.risk.RiskLevel;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.intake.ReportFiled;
import kz.qorgau.server.intake.ReportView;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casework: opens a case from each report and applies the core domain's transitions — referrals,
 * acknowledgements, actions, redirects, risk, conflicts of interest, closing — storing every version,
 * adding it to the case's timeline and recording one ledger entry per command. A refused transition
 * is a 409 naming the core's rule; a case the member may not see is a 404.
 */
@Service
public class Casework {

    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final Logger log = LoggerFactory.getLogger(Casework.class);

    private final CaseStore store;
    private final CaseAccess access;
    private final CaseworkRules rules;
    private final Organisations organisations;
    private final Reports reports;
    private final AuditTrail audit;
    private final Announcements announcements;
    private final CaseLinks links;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    Casework(
            CaseStore store,
            CaseAccess access,
            CaseworkRules rules,
            Organisations organisations,
            Reports reports,
            AuditTrail audit,
            Announcements announcements,
            CaseLinks links,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.links = links;
        this.store = store;
        this.access = access;
        this.rules = rules;
        this.organisations = organisations;
        this.reports = reports;
        this.audit = audit;
        this.announcements = announcements;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ opening

    /**
     * Opens the case of a filed report: the core's risk model rates it; a school the report names gets a
     * referral; a critical case goes to the juvenile police at once and oversight is told; an institution
     * the reporter says refused them, threatened them or employs staff involved in the harm is flagged as
     * a conflict of interest (the case is hidden from it and goes to oversight) — and if that institution
     * cannot be identified, the case goes to oversight anyway. A case that none of this refers anywhere
     * is referred for assessment to the district education department (the guardianship authority) of
     * the city the report names, or else to oversight: every case is on someone's clock.
     */
    @Transactional
    public void open(ReportFiled filed) {
        if (reports.caseOf(filed.reportId()).isPresent()) {
            return; // already opened (the event was delivered again)
        }
        ReportView report = reports.report(filed.reportId())
                .orElseThrow(() -> new IllegalStateException("report " + filed.reportId() + " is not stored"));
        Instant now = clock.instant();
        kz.qorgau.core.casework.Actor intake = kz.qorgau.core.casework.Actor.system("intake");

        List<ConflictSignal> conflicts = new ArrayList<>();
        List<String> unidentified = new ArrayList<>();
        if (report.institutionRefused()) {
            organisations
                    .recognise(report.refusedBy(), report.city())
                    .ifPresentOrElse(
                            o -> conflicts.add(new ConflictSignal(ConflictSignal.Kind.STATEMENT_REFUSED, o)),
                            () -> unidentified.add("refused the statement: " + describe(report.refusedBy())));
        }
        if (report.threatened()) {
            organisations
                    .recognise(report.threatenedBy(), report.city())
                    .ifPresentOrElse(
                            o -> conflicts.add(new ConflictSignal(ConflictSignal.Kind.REPORTER_THREATENED, o)),
                            () -> unidentified.add(
                                    "threatened or pressured the reporter: " + describe(report.threatenedBy())));
        }
        if (report.staffInvolved()) {
            organisations
                    .recognise(report.staffOf(), report.city())
                    .ifPresentOrElse(
                            o -> conflicts.add(new ConflictSignal(ConflictSignal.Kind.STAFF_NAMED, o)),
                            () -> unidentified.add(
                                    "employs staff involved in harming the child: " + describe(report.staffOf())));
        }
        Set<ConcernFlag> flags = EnumSet.noneOf(ConcernFlag.class);
        if (report.threatened()) {
            flags.add(ConcernFlag.REPORTER_THREATENED);
        }
        Concern concern = new Concern(categories(report), report.childAge(), flags);
        Report coreReport = new Report(new ReportId(report.id()), report.submittedAt(), concern, conflicts);
        Child child = new Child(report.childName(), report.childAge(), report.school(), report.city());
        CaseChanged opened = Case.open(new CaseId(UUID.randomUUID()), child, coreReport, intake, now, rules);
        Case value = opened.after();
        String region = organisations.regionOf(report.schoolCode());
        String reference = store.nextReference(now);
        store.insert(value, reference, region, now);
        reports.attachToCase(report.id(), value.id().value());
        UUID caseId = value.id().value();
        Actor system = Actor.system();
        store.timeline(
                caseId,
                report.submittedAt(),
                "report.received",
                null,
                report.schoolCode(),
                Actor.reporter(),
                Map.of("report", report.reference(), "channel", report.channel().name()));
        timeline(caseId, opened.event());

        Working working = new Working(value, new ArrayList<>(), region);
        working.reference = reference;
        opened.opening().ifPresent(opening -> openReferral(working, opening, null));
        if (report.schoolCode() != null) {
            organisations
                    .find(report.schoolCode())
                    .flatMap(Organisations::core)
                    .ifPresent(school -> refer(working, school, "The report names this school.", intake, now));
        }
        for (String code : filed.referTo()) {
            organisations
                    .find(code)
                    .flatMap(Organisations::core)
                    .ifPresent(receiver ->
                            refer(working, receiver, "A signal names this organisation to act.", intake, now));
        }
        if (opened.notices().contains(ImmediateNotice.POLICE)) {
            organisations
                    .receiver(OrganisationType.JUVENILE_POLICE, report.schoolCode(), region, working.value.hiddenFrom())
                    .ifPresent(police -> refer(
                            working,
                            police,
                            "Critical risk: the police are told at once (DESIGN.md §6).",
                            intake,
                            now));
        }
        for (String what : unidentified) {
            organisations
                    .receiver(OrganisationType.COMMISSIONER, null, region, working.value.hiddenFrom())
                    .ifPresent(oversight -> refer(
                            working,
                            oversight,
                            "The reporter says an institution " + what
                                    + "; it could not be identified, so the case goes to oversight.",
                            intake,
                            now));
        }
        if (working.referrals.isEmpty()) {
            Optional<kz.qorgau.core.organisation.Organisation> guardianship = organisations.ofKindInCity(
                    OrganisationType.DISTRICT_EDUCATION, report.city(), working.value.hiddenFrom());
            guardianship
                    .or(() -> organisations.receiver(
                            OrganisationType.COMMISSIONER, null, region, working.value.hiddenFrom()))
                    .ifPresent(receiver -> refer(
                            working,
                            receiver,
                            guardianship.isPresent()
                                    ? "The report names no school or body that could act; the city's education"
                                            + " department (guardianship authority) assesses it."
                                    : "The report names no school, body or city that could be identified;"
                                            + " oversight assesses it and refers it on.",
                            intake,
                            now));
        }
        announcements.immediate(working.value, reference, opened.notices(), region);
        links.index(working.value, report);
        events.publishEvent(new CaseLinks.CaseIndexed(caseId));
        audit.record(
                "case.opened",
                caseId,
                system,
                content(working, Map.of("report", report.id().toString())));
    }

    private static Set<Category> categories(ReportView report) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (kz.qorgau.server.intake.Category category : report.categories()) {
            categories.add(Category.valueOf(category.name()));
        }
        return categories;
    }

    private static String describe(@Nullable String text) {
        return text == null || text.isBlank() ? "(not named)" : "'" + text + "'";
    }

    /**
     * A signal (an ad, a payment pattern, a school early-warning) matched this case: it goes on the
     * case's timeline with its evidence, the organisations working the case are told, and the ledger
     * records it. A match is for a person to review; it changes nothing else.
     *
     * @param source e.g. {@code ads}, {@code payments}, {@code school}
     * @param summary a short, non-personal description (shown in notices)
     * @param detail the evidence, sealed on the timeline
     */
    @Transactional
    public void recordSignalMatch(UUID caseId, String source, String summary, Map<String, ?> detail) {
        CaseStore.StoredCase stored = store.lock(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
        Map<String, Object> entry = new LinkedHashMap<>(detail);
        entry.put("source", source);
        entry.put("summary", summary);
        store.timeline(caseId, clock.instant(), "signal.matched", null, null, Actor.system(), entry);
        announcements.signalMatched(stored.value(), stored.reference(), store.referrals(caseId), summary);
        audit.record("signal.matched", caseId, Actor.system(), entry);
    }

    // ------------------------------------------------------------------ referral commands

    /** Acknowledges a referral to the member's organisation. */
    @Transactional
    public Referral acknowledge(StaffMember member, UUID referralId) {
        return onReferral(
                member,
                referralId,
                "referral.acknowledged",
                Map.of(),
                referral -> referral.acknowledge(actor(member), clock.instant()));
    }

    /** Records an action (visit, interview, protective measure, …) on a referral. */
    @Transactional
    public Referral recordAction(StaffMember member, UUID referralId, ActionKind kind, @Nullable String note) {
        return onReferral(
                member,
                referralId,
                "referral.action",
                Map.of("kind", kind.name()),
                referral -> referral.recordAction(kind, note, actor(member), clock.instant()));
    }

    /**
     * Corrects a recorded action: a new version with a further action naming the corrected one, who
     * corrected it and why; the corrected action stays.
     */
    @Transactional
    public Referral correctAction(
            StaffMember member, UUID referralId, int index, ActionKind kind, @Nullable String note, String reason) {
        requireText(reason, "reason");
        return onReferral(
                member,
                referralId,
                "referral.action-corrected",
                Map.of("action", index, "kind", kind.name()),
                referral -> referral.correctAction(index, kind, note, reason, actor(member), clock.instant()));
    }

    /** Redirects a referral as "not competent" to the organisation that is (within 3 working days). */
    @Transactional
    public Referral redirect(StaffMember member, UUID referralId, String organisationCode, String reason) {
        Organisation to = organisations.require(organisationCode, "organisation");
        return onReferral(
                member,
                referralId,
                "referral.redirected",
                Map.of("to", to.code()),
                referral -> referral.redirectNotCompetent(to, reason, actor(member), clock.instant(), rules));
    }

    /** Records the outcome of a referral (after at least one action). */
    @Transactional
    public Referral recordOutcome(StaffMember member, UUID referralId, String conclusion) {
        return onReferral(
                member,
                referralId,
                "referral.outcome",
                Map.of(),
                referral -> referral.recordOutcome(conclusion, actor(member), clock.instant()));
    }

    private interface ReferralTransition {
        ReferralOutcome apply(Referral referral);
    }

    private Referral onReferral(
            StaffMember member,
            UUID referralId,
            String ledgerType,
            Map<String, ?> detail,
            ReferralTransition transition) {
        UUID caseId = store.caseOfReferral(referralId)
                .filter(id -> access.maySee(member, id))
                .orElseThrow(() -> new NotFoundException("no referral " + referralId + " that you may see"));
        CaseStore.StoredCase stored = store.lock(caseId).orElseThrow();
        Referral referral = store.referral(referralId).orElseThrow();
        ReferralOutcome outcome = guard(() -> transition.apply(referral));
        ReferralChanged changed = switch (outcome) {
            case Refused refused -> throw refusal(refused);
            case ReferralChanged c -> c;
        };
        Working working = new Working(stored.value(), new ArrayList<>(store.referrals(caseId)), stored.region());
        working.reference = stored.reference();
        applyReferralChange(working, changed);
        audit.record(ledgerType, caseId, auditActor(member), content(working, detail));
        return changed.after();
    }

    // ------------------------------------------------------------------ case commands

    /** Refers the case to an organisation. */
    @Transactional
    public Referral refer(StaffMember member, UUID caseId, String organisationCode, String reason) {
        Organisation to = organisations.require(organisationCode, "organisation");
        requireText(reason, "reason");
        Working working = lockVisible(member, caseId);
        Referral opened = switch (guard(() -> working.value.refer(
                new ReferralId(UUID.randomUUID()),
                to,
                reason,
                actor(member),
                clock.instant(),
                working.referrals,
                rules))) {
            case Refused refused -> throw refusal(refused);
            case ReferralOpened o -> insertOpened(working, o);
        };
        audit.record("referral.created", caseId, auditActor(member), content(working, Map.of("to", to.code())));
        return opened;
    }

    /** Sets or overrides the risk level, with a reason (a new version; the old ones stay). */
    @Transactional
    public void setRisk(StaffMember member, UUID caseId, RiskLevel level, String reason) {
        requireText(reason, "reason");
        onCase(
                member,
                caseId,
                "case.risk-set",
                Map.of("level", level.name()),
                working ->
                        working.value.setRisk(level, reason, actor(member), clock.instant(), working.referrals, rules));
    }

    /** Closes a case that was never high or critical. */
    @Transactional
    public void close(StaffMember member, UUID caseId, String outcome) {
        requireText(outcome, "outcome");
        onCase(
                member,
                caseId,
                "case.closed",
                Map.of(),
                working -> working.value.close(outcome, actor(member), clock.instant(), working.referrals));
    }

    /** Asks oversight to approve closing the case. */
    @Transactional
    public void requestClose(StaffMember member, UUID caseId, String outcome) {
        requireText(outcome, "outcome");
        onCase(
                member,
                caseId,
                "case.close-requested",
                Map.of(),
                working -> working.value.requestClose(outcome, actor(member), clock.instant()));
    }

    /** A second person from oversight approves closing. */
    @Transactional
    public void approveClose(StaffMember member, UUID caseId) {
        onCase(
                member,
                caseId,
                "case.close-approved",
                Map.of(),
                working -> working.value.approveClose(actor(member), clock.instant(), working.referrals));
    }

    /** Oversight rejects the close request; the case stays open. */
    @Transactional
    public void rejectClose(StaffMember member, UUID caseId, String reason) {
        requireText(reason, "reason");
        onCase(
                member,
                caseId,
                "case.close-rejected",
                Map.of(),
                working -> working.value.rejectClose(reason, actor(member), clock.instant()));
    }

    /**
     * A conflict of interest raised inside another command (a reporter's flag): the case is hidden from
     * the organisation from now on and goes to oversight. The calling command records the ledger entry.
     */
    void flagConflictWithin(
            UUID caseId, ConflictSignal.Kind kind, Organisation organisation, kz.qorgau.core.casework.Actor by) {
        CaseStore.StoredCase stored = store.lock(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
        Working working = new Working(stored.value(), new ArrayList<>(store.referrals(caseId)), stored.region());
        working.reference = stored.reference();
        CaseChanged changed = working.value.flagConflict(
                new ConflictSignal(kind, organisation), by, clock.instant(), working.referrals, rules);
        applyCaseChange(working, stored.reference(), changed);
    }

    /**
     * Sends the case to oversight when a reporter flags an institution that cannot be identified: the
     * Commissioner gets a referral with the reporter's words as the reason. Inside another command.
     */
    void sendToOversightWithin(UUID caseId, String reason) {
        CaseStore.StoredCase stored = store.lock(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
        Working working = new Working(stored.value(), new ArrayList<>(store.referrals(caseId)), stored.region());
        working.reference = stored.reference();
        organisations
                .receiver(OrganisationType.COMMISSIONER, null, working.region, working.value.hiddenFrom())
                .ifPresent(oversight -> refer(
                        working,
                        oversight,
                        reason,
                        kz.qorgau.core.casework.Actor.system("reporter-channel"),
                        clock.instant()));
        announcements.immediate(working.value, stored.reference(), Set.of(ImmediateNotice.OVERSIGHT), working.region);
    }

    private interface CaseTransition {
        CaseOutcome apply(Working working);
    }

    private void onCase(
            StaffMember member, UUID caseId, String ledgerType, Map<String, ?> detail, CaseTransition transition) {
        Working working = lockVisible(member, caseId);
        CaseOutcome outcome = guard(() -> transition.apply(working));
        CaseChanged changed = switch (outcome) {
            case Refused refused -> throw refusal(refused);
            case CaseChanged c -> c;
        };
        applyCaseChange(working, store.reference(caseId).orElseThrow(), changed);
        audit.record(ledgerType, caseId, auditActor(member), content(working, detail));
    }

    private Working lockVisible(StaffMember member, UUID caseId) {
        if (!access.maySee(member, caseId)) {
            throw new NotFoundException("no case " + caseId + " that you may see");
        }
        CaseStore.StoredCase stored = store.lock(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
        Working working = new Working(stored.value(), new ArrayList<>(store.referrals(caseId)), stored.region());
        working.reference = stored.reference();
        return working;
    }

    // ------------------------------------------------------------------ applying outcomes

    /** The case and its referrals as a command changes them, within one transaction. */
    static final class Working {
        Case value;
        final List<Referral> referrals;
        final @Nullable String region;

        @Nullable
        String reference;

        final List<String> touched = new ArrayList<>();

        Working(Case value, List<Referral> referrals, @Nullable String region) {
            this.value = value;
            this.referrals = referrals;
            this.region = region;
        }

        void replace(Referral after) {
            for (int i = 0; i < referrals.size(); i++) {
                if (referrals.get(i).id().equals(after.id())) {
                    referrals.set(i, after);
                    touched.add(after.id().value() + "@" + after.version());
                    return;
                }
            }
            referrals.add(after);
            touched.add(after.id().value() + "@" + after.version());
        }
    }

    void applyCaseChange(Working working, String reference, CaseChanged changed) {
        Instant now = clock.instant();
        store.update(changed.after(), now);
        working.value = changed.after();
        timeline(working.value.id().value(), changed.event());
        for (ReferralChanged referralChange : changed.referralChanges()) {
            applyReferralChange(working, referralChange);
        }
        changed.opening().ifPresent(opening -> openReferral(working, opening, null));
        announcements.immediate(working.value, reference, changed.notices(), working.region);
    }

    void applyReferralChange(Working working, ReferralChanged changed) {
        if (!store.update(changed.after(), rules)) {
            throw new RuleViolationException(
                    "concurrent-change",
                    "referral " + changed.after().id() + " was changed by someone else; reload and try again");
        }
        working.replace(changed.after());
        timeline(working.value.id().value(), changed.after(), changed.event());
        changed.opening()
                .ifPresent(opening -> openReferral(
                        working, opening, changed.after().organisation().code()));
    }

    /** Opens the referral a transition asked for, choosing the receiving organisation if it names only a type. */
    void openReferral(Working working, ReferralOpening opening, @Nullable String fromCode) {
        Optional<Organisation> receiver = opening.receiver() != null
                ? Optional.of(opening.receiver())
                : organisations.receiver(opening.receiverType(), fromCode, working.region, working.value.hiddenFrom());
        if (receiver.isEmpty()) {
            log.warn("no {} to receive a referral of case {}", opening.receiverType(), working.value.id());
            store.timeline(
                    working.value.id().value(),
                    clock.instant(),
                    "referral.no-receiver",
                    null,
                    null,
                    Actor.system(),
                    Map.of("type", opening.receiverType().name(), "reason", opening.reason()));
            return;
        }
        OpeningOutcome outcome =
                working.value.referTo(opening, new ReferralId(UUID.randomUUID()), receiver.get(), working.referrals);
        if (outcome instanceof ReferralOpened opened) {
            insertOpened(working, opened);
        }
        // Refused (already referred there, or hidden): nothing to open.
    }

    private void refer(Working working, Organisation to, String reason, kz.qorgau.core.casework.Actor by, Instant now) {
        OpeningOutcome outcome =
                working.value.refer(new ReferralId(UUID.randomUUID()), to, reason, by, now, working.referrals, rules);
        if (outcome instanceof ReferralOpened opened) {
            insertOpened(working, opened);
        }
    }

    private Referral insertOpened(Working working, ReferralOpened opened) {
        Referral referral = opened.referral();
        store.insert(referral, rules);
        working.replace(referral);
        timeline(working.value.id().value(), referral, opened.event());
        announcements.referralOpened(
                working.value,
                working.reference != null
                        ? working.reference
                        : store.reference(working.value.id().value()).orElse(""),
                referral);
        return referral;
    }

    private void timeline(UUID caseId, CaseEvent event) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", event.version());
        if (event.risk() != null) {
            detail.put("risk", event.risk().name());
        }
        if (event.conflict() != null) {
            detail.put("conflictKind", event.conflict().kind().name());
            detail.put("conflictOrganisation", event.conflict().organisation().code());
        }
        if (event.note() != null) {
            detail.put("note", event.note());
        }
        store.timeline(
                caseId,
                event.at(),
                "case." + event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                null,
                event.conflict() == null
                        ? null
                        : event.conflict().organisation().code(),
                ledgerActor(event.by()),
                detail);
    }

    private void timeline(UUID caseId, Referral referral, ReferralEvent event) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", event.version());
        detail.put("state", referral.state().name());
        if (event.action() != null) {
            detail.put("action", event.action().name());
        }
        if (event.counterpart() != null) {
            detail.put("counterpart", event.counterpart().code());
        }
        if (event.escalatedTo() != null) {
            detail.put("escalatedTo", event.escalatedTo().name());
        }
        if (event.missedStep() != null) {
            detail.put("missedStep", event.missedStep().name());
        }
        if (event.risk() != null) {
            detail.put("risk", event.risk().name());
        }
        if (event.note() != null) {
            detail.put("note", event.note());
        }
        if (event.kind() == ReferralEvent.Kind.OPENED) {
            detail.put("acknowledgeBy", referral.acknowledgement().dueAt().toString());
            detail.put("actBy", referral.firstProtectiveAction().dueAt().toString());
            detail.put("basis", referral.basis().name());
        }
        store.timeline(
                caseId,
                event.at(),
                "referral."
                        + event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                referral.id().value(),
                referral.organisation().code(),
                ledgerActor(event.by()),
                detail);
    }

    /** What a command's ledger entry hashes: the case's and the touched referrals' new versions. */
    private static Map<String, Object> content(Working working, Map<String, ?> detail) {
        Map<String, Object> content = new LinkedHashMap<>(detail);
        content.put("case", working.value.id().value().toString());
        content.put("caseVersion", working.value.version());
        content.put("referrals", List.copyOf(working.touched));
        return content;
    }

    // ------------------------------------------------------------------ helpers

    static kz.qorgau.core.casework.Actor actor(StaffMember member) {
        return new kz.qorgau.core.casework.Actor(
                member.id().toString(),
                member.organisationCode(),
                kz.qorgau.core.casework.Role.valueOf(member.role().name()));
    }

    static Actor auditActor(StaffMember member) {
        return new Actor(member.organisationCode(), member.role().code());
    }

    static Actor ledgerActor(kz.qorgau.core.casework.Actor actor) {
        return new Actor(
                actor.organisationCode(),
                actor.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    static RuleViolationException refusal(Refused refused) {
        return new RuleViolationException(refused.rule().code(), refused.message());
    }

    private static void requireText(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "required", "is required");
        }
        if (text.length() > 4000) {
            throw new InvalidInputException(field, "too-long", "must be at most 4000 characters");
        }
    }

    /** Runs a core transition; an argument the core refuses (blank or oversized text) is a 400. */
    private static <T> T guard(java.util.function.Supplier<T> transition) {
        try {
            return transition.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", "invalid", e.getMessage() == null ? "invalid" : e.getMessage());
        }
    }
}
