package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.core.organisation.Organisation;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.DeadlinePolicy;
import kz.qorgau.core.policy.DueTimes;
import kz.qorgau.core.policy.ImmediateNotice;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskAssessment;
import kz.qorgau.core.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * A child, the reports about them, the case's risk level (every version kept) and its status.
 * Immutable: each transition returns a new version with everything that follows from it ({@link
 * CaseChanged}) or a {@link Refused} naming the rule, and never reads the clock. Transitions that
 * affect referrals take the case's referrals as loaded by the server.
 *
 * <p>The canonical constructor rebuilds a stored case; new cases come only from {@link #open}.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>The initial risk comes from the {@linkplain kz.qorgau.core.risk.RiskModel risk model}; people
 *       override it with a reason; nothing is deleted, every version is kept.
 *   <li>A case that was ever high or critical closes only when a second person with the oversight
 *       role approves a close request; lowering the risk does not avoid that.
 *   <li>A conflict of interest (threats, a refused statement, named staff) hides the case from that
 *       organisation, takes its open referrals off the clock and sends the case to oversight.
 *   <li>A case that becomes critical tells the police and oversight at once.
 * </ul>
 *
 * @param id the case's identifier
 * @param version 1 when opened, one more with every transition
 * @param openedAt when the case was opened
 * @param child what is known of the child
 * @param reports the reports about the child, oldest first; at least one
 * @param riskHistory every risk version, numbered from 1; the last is current
 * @param status where the case is
 * @param closure the close request or closure, while the case is not open
 * @param conflicts the conflicts of interest flagged, oldest first
 */
public record Case(
        CaseId id,
        long version,
        Instant openedAt,
        Child child,
        List<Report> reports,
        List<RiskVersion> riskHistory,
        CaseStatus status,
        @Nullable Closure closure,
        List<FlaggedConflict> conflicts) {

    /** The actor recorded on risk versions set by the risk model. */
    public static final Actor RISK_MODEL = Actor.system("risk-model");

    /** Checks the invariants of a stored case and copies the lists. */
    public Case {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(status, "status");
        reports = List.copyOf(reports);
        riskHistory = List.copyOf(riskHistory);
        conflicts = List.copyOf(conflicts);
        if (version < 1) {
            throw new IllegalArgumentException("case versions start at 1, got " + version);
        }
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a case has at least one report");
        }
        if (riskHistory.isEmpty()) {
            throw new IllegalArgumentException("a case has at least one risk version");
        }
        for (int i = 0; i < riskHistory.size(); i++) {
            if (riskHistory.get(i).number() != i + 1) {
                throw new IllegalArgumentException("risk versions are numbered 1, 2, …; version " + (i + 1) + " is "
                        + riskHistory.get(i).number());
            }
        }
        boolean consistent = switch (status) {
            case OPEN -> closure == null;
            case CLOSE_REQUESTED -> closure != null && closure.closedAt() == null;
            case CLOSED -> closure != null && closure.closedAt() != null;
        };
        if (!consistent) {
            throw new IllegalArgumentException("status " + status + " does not fit the closure " + closure);
        }
    }

    /**
     * Opens a case from its first report: the risk model gives the initial risk; the policy of that risk
     * says who is told at once; conflicts the report signals hide the case from those organisations and
     * send it to oversight (the {@code opening} of the result).
     *
     * @param by who files the report (the intake system, a helpline officer)
     */
    public static CaseChanged open(CaseId id, Child child, Report report, Actor by, Instant now, CaseworkRules rules) {
        Objects.requireNonNull(report, "report");
        RiskAssessment assessment = rules.riskModel().assess(report.concern());
        RiskVersion risk = new RiskVersion(1, assessment.level(), assessment.explanation(), RISK_MODEL, now);
        List<FlaggedConflict> flagged = new ArrayList<>();
        for (ConflictSignal signal : report.conflicts()) {
            flagged.add(new FlaggedConflict(signal, by, now));
        }
        Case opened = new Case(id, 1, now, child, List.of(report), List.of(risk), CaseStatus.OPEN, null, flagged);
        Set<ImmediateNotice> notices = EnumSet.noneOf(ImmediateNotice.class);
        notices.addAll(opened.policy(rules).tellAtOnce());
        Optional<ReferralOpening> opening = Optional.empty();
        if (!flagged.isEmpty()) {
            notices.add(ImmediateNotice.OVERSIGHT);
            opening = Optional.of(opened.oversightOpening(report.conflicts(), null, by, now, rules));
        }
        CaseEvent event = new CaseEvent(
                id, 1, CaseEvent.Kind.OPENED, now, by, assessment.level(), report.id(), null, assessment.explanation());
        return new CaseChanged(opened, event, notices, List.of(), opening);
    }

    /** The current risk level. */
    public RiskLevel risk() {
        return riskHistory.get(riskHistory.size() - 1).level();
    }

    /** The highest risk level the case ever had; it decides whether closing needs approval. */
    public RiskLevel highestRisk() {
        RiskLevel highest = RiskLevel.STANDARD;
        for (RiskVersion version : riskHistory) {
            highest = highest.max(version.level());
        }
        return highest;
    }

    /** Every category of every report. */
    public Set<Category> categories() {
        Set<Category> all = EnumSet.noneOf(Category.class);
        for (Report report : reports) {
            all.addAll(report.concern().categories());
        }
        return Set.copyOf(all);
    }

    /** When the first report was received: the moment the whole story's clock counts from. */
    public Instant firstContactAt() {
        Instant first = reports.get(0).receivedAt();
        for (Report report : reports) {
            if (report.receivedAt().isBefore(first)) {
                first = report.receivedAt();
            }
        }
        return first;
    }

    /** The codes of the organisations the case is hidden from (conflicts of interest). */
    public Set<String> hiddenFrom() {
        Set<String> codes = new LinkedHashSet<>();
        for (FlaggedConflict conflict : conflicts) {
            codes.add(conflict.signal().organisation().code());
        }
        return Set.copyOf(codes);
    }

    /** Whether the case is hidden from the organisation: the server shows it no trace of the case. */
    public boolean isHiddenFrom(String organisationCode) {
        return hiddenFrom().contains(organisationCode);
    }

    /** Whether closing needs a second person's approval: the case was ever high or critical. */
    public boolean closingNeedsApproval() {
        return highestRisk().isAtLeast(RiskLevel.HIGH);
    }

    /** The deadline policy for the case as it is now. */
    public DeadlinePolicy policy(CaseworkRules rules) {
        return rules.policies().policyFor(risk(), categories());
    }

    /**
     * Adds a report about the same child. If the risk model rates it higher than the case, the risk is
     * raised (a new version by the risk model) with all that follows; conflicts it signals are applied.
     */
    public CaseOutcome addReport(Report report, Actor by, Instant now, List<Referral> referrals, CaseworkRules rules) {
        Objects.requireNonNull(report, "report");
        requireOwn(referrals);
        if (status == CaseStatus.CLOSED) {
            return closedRefusal();
        }
        List<Report> moreReports = new ArrayList<>(reports);
        moreReports.add(report);
        RiskAssessment assessment = rules.riskModel().assess(report.concern());
        List<RiskVersion> history = new ArrayList<>(riskHistory);
        @Nullable RiskLevel raisedTo = null;
        if (assessment.level().compareTo(risk()) > 0) {
            raisedTo = assessment.level();
            history.add(new RiskVersion(
                    history.size() + 1,
                    raisedTo,
                    "report " + report.id() + ": " + assessment.explanation(),
                    RISK_MODEL,
                    now));
        }
        Case withReport = new Case(id, version, openedAt, child, moreReports, history, status, closure, conflicts);
        Set<ImmediateNotice> notices = EnumSet.noneOf(ImmediateNotice.class);
        List<ReferralChanged> changes = new ArrayList<>();
        if (raisedTo != null) {
            notices.addAll(newNotices(policy(rules), withReport.policy(rules)));
            for (Referral referral : referrals) {
                referral.applyRisk(raisedTo, RISK_MODEL, now, rules).ifPresent(changes::add);
            }
        }
        ConflictEffects effects =
                withReport.conflictEffects(report.conflicts(), by, now, replaced(referrals, changes), rules);
        changes.addAll(effects.referralChanges());
        notices.addAll(effects.notices());
        Case after = withReport.next(status, closure, effects.conflicts(), withReport.riskHistory());
        CaseEvent event = new CaseEvent(
                id, after.version(), CaseEvent.Kind.REPORT_ADDED, now, by, raisedTo, report.id(), null, null);
        return new CaseChanged(after, event, notices, changes, effects.opening());
    }

    /**
     * A person sets the risk level, with a reason: a new version; the old ones stay. Open referrals get
     * the new level; where its policy counted from now gives earlier deadlines they are shortened, never
     * lengthened. Reaching a level whose policy tells someone at once (critical: police and oversight)
     * returns those notices.
     *
     * @param reason why; required
     */
    public CaseOutcome setRisk(
            RiskLevel level, String reason, Actor by, Instant now, List<Referral> referrals, CaseworkRules rules) {
        Objects.requireNonNull(level, "level");
        String text = FreeText.required(reason, "reason");
        requireOwn(referrals);
        if (status == CaseStatus.CLOSED) {
            return closedRefusal();
        }
        if (level == risk()) {
            return Refused.by(CaseworkRule.RISK_UNCHANGED, "case " + id + " is already " + level.code());
        }
        List<RiskVersion> history = new ArrayList<>(riskHistory);
        history.add(new RiskVersion(history.size() + 1, level, text, by, now));
        Case after = next(status, closure, conflicts, history);
        List<ReferralChanged> changes = new ArrayList<>();
        for (Referral referral : referrals) {
            referral.applyRisk(level, by, now, rules).ifPresent(changes::add);
        }
        CaseEvent event = new CaseEvent(id, after.version(), CaseEvent.Kind.RISK_SET, now, by, level, null, null, text);
        return new CaseChanged(after, event, newNotices(policy(rules), after.policy(rules)), changes, Optional.empty());
    }

    /**
     * Records a conflict of interest: the case is hidden from the organisation from now on, its open
     * referrals there go off the clock ({@link ReferralState#ESCALATED}), oversight is told at once, and
     * unless an oversight body already has an open referral the result's {@code opening} sends the case
     * to the Commissioner (to the prosecutor's office if the Commissioner's office is the one
     * conflicted). On a closed case the conflict is recorded and oversight told, nothing is opened.
     */
    public CaseChanged flagConflict(
            ConflictSignal signal, Actor by, Instant now, List<Referral> referrals, CaseworkRules rules) {
        Objects.requireNonNull(signal, "signal");
        requireOwn(referrals);
        ConflictEffects effects = conflictEffects(List.of(signal), by, now, referrals, rules);
        Case after = next(status, closure, effects.conflicts(), riskHistory);
        CaseEvent event =
                new CaseEvent(id, after.version(), CaseEvent.Kind.CONFLICT_FLAGGED, now, by, null, null, signal, null);
        return new CaseChanged(after, event, effects.notices(), effects.referralChanges(), effects.opening());
    }

    /**
     * Closes a case that was never high or critical, with its open referrals. A case that was ever high
     * or critical is refused with {@link CaseworkRule#CLOSE_NEEDS_OVERSIGHT_APPROVAL}: use {@link
     * #requestClose}.
     *
     * @param outcome what came of the case; required
     */
    public CaseOutcome close(String outcome, Actor by, Instant now, List<Referral> referrals) {
        String text = FreeText.required(outcome, "outcome");
        requireOwn(referrals);
        Refused refused = refuseClosing();
        if (refused != null) {
            return refused;
        }
        if (closingNeedsApproval()) {
            return Refused.by(
                    CaseworkRule.CLOSE_NEEDS_OVERSIGHT_APPROVAL,
                    "case " + id + " was " + highestRisk().code()
                            + "; request closing and have a second person from oversight approve it");
        }
        Case after = next(CaseStatus.CLOSED, new Closure(text, by, now, null, now), conflicts, riskHistory);
        CaseEvent event = new CaseEvent(id, after.version(), CaseEvent.Kind.CLOSED, now, by, null, null, null, text);
        return new CaseChanged(after, event, Set.of(), closeReferrals(referrals, by, now), Optional.empty());
    }

    /**
     * Asks to close the case; a second person from oversight approves ({@link #approveClose}) or rejects
     * it. Any case may be closed this way; a high or critical one only this way.
     *
     * @param outcome what came of the case; required
     */
    public CaseOutcome requestClose(String outcome, Actor by, Instant now) {
        String text = FreeText.required(outcome, "outcome");
        Refused refused = refuseClosing();
        if (refused != null) {
            return refused;
        }
        Case after = next(CaseStatus.CLOSE_REQUESTED, new Closure(text, by, now, null, null), conflicts, riskHistory);
        CaseEvent event =
                new CaseEvent(id, after.version(), CaseEvent.Kind.CLOSE_REQUESTED, now, by, null, null, null, text);
        return new CaseChanged(after, event, Set.of(), List.of(), Optional.empty());
    }

    /**
     * A second person with the oversight role approves the close request: the case and its open referrals
     * close.
     */
    public CaseOutcome approveClose(Actor approver, Instant now, List<Referral> referrals) {
        requireOwn(referrals);
        Refused refused = refuseDeciding(approver);
        if (refused != null) {
            return refused;
        }
        Closure request = Objects.requireNonNull(closure);
        if (approver.isSamePersonAs(request.requestedBy())) {
            return Refused.by(
                    CaseworkRule.APPROVER_IS_REQUESTER,
                    approver.userId() + " asked to close case " + id + " and cannot also approve it");
        }
        Case after = next(
                CaseStatus.CLOSED,
                new Closure(request.outcome(), request.requestedBy(), request.requestedAt(), approver, now),
                conflicts,
                riskHistory);
        CaseEvent event = new CaseEvent(
                id, after.version(), CaseEvent.Kind.CLOSE_APPROVED, now, approver, null, null, null, request.outcome());
        return new CaseChanged(after, event, Set.of(), closeReferrals(referrals, approver, now), Optional.empty());
    }

    /**
     * A person with the oversight role rejects the close request; the case stays open.
     *
     * @param reason why; required
     */
    public CaseOutcome rejectClose(String reason, Actor approver, Instant now) {
        String text = FreeText.required(reason, "reason");
        Refused refused = refuseDeciding(approver);
        if (refused != null) {
            return refused;
        }
        Case after = next(CaseStatus.OPEN, null, conflicts, riskHistory);
        CaseEvent event = new CaseEvent(
                id, after.version(), CaseEvent.Kind.CLOSE_REJECTED, now, approver, null, null, null, text);
        return new CaseChanged(after, event, Set.of(), List.of(), Optional.empty());
    }

    /**
     * Refers the case to an organisation ({@code POST /api/v1/cases/{id}/referrals}). The deadlines
     * follow the case's policy from now; the referral climbs the receiving organisation's own ladder.
     *
     * @param id the new referral's identifier (the server generates it)
     * @param reason why; required
     * @param referrals the case's referrals, to refuse a second open referral to the same organisation
     */
    public OpeningOutcome refer(
            ReferralId id,
            Organisation to,
            String reason,
            Actor by,
            Instant now,
            List<Referral> referrals,
            CaseworkRules rules) {
        Objects.requireNonNull(to, "to");
        String text = FreeText.required(reason, "reason");
        ReferralOpening opening = new ReferralOpening(
                this.id,
                to.type(),
                to,
                ReferralBasis.DIRECT,
                null,
                LadderPosition.footOf(to.type()),
                risk(),
                categories(),
                now,
                policy(rules).dueTimes(now, rules.calendar()),
                null,
                by,
                text);
        return referTo(opening, id, to, referrals);
    }

    /**
     * Opens a referral that a transition asked for (an escalation's next rung, oversight for a conflict,
     * the body a referral was redirected or referred on to), once the server has chosen the receiving
     * organisation. Refused when the case is closed, hidden from that organisation, or already has an
     * open referral to it; the server then picks another body of the type or leaves it (see the
     * refusal's rule).
     *
     * @param opening what the transition asked for; must be for this case
     * @param id the new referral's identifier
     * @param receiver the organisation; of {@code opening.receiverType()}, and {@code opening.receiver()}
     *     when that is set
     * @param referrals the case's referrals
     * @throws IllegalArgumentException when the opening is for another case or another organisation (a
     *     bug in the caller)
     */
    public OpeningOutcome referTo(
            ReferralOpening opening, ReferralId id, Organisation receiver, List<Referral> referrals) {
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receiver, "receiver");
        requireOwn(referrals);
        if (!opening.caseId().equals(this.id)) {
            throw new IllegalArgumentException("the opening is for case " + opening.caseId() + ", not " + this.id);
        }
        if (receiver.type() != opening.receiverType()
                || (opening.receiver() != null && !opening.receiver().equals(receiver))) {
            throw new IllegalArgumentException("the opening is for "
                    + (opening.receiver() != null
                            ? opening.receiver().code()
                            : "a " + opening.receiverType().code())
                    + ", not " + receiver.code());
        }
        if (status == CaseStatus.CLOSED) {
            return closedRefusal();
        }
        if (isHiddenFrom(receiver.code())) {
            return Refused.by(
                    CaseworkRule.ORGANISATION_HAS_CONFLICT_OF_INTEREST,
                    "case " + this.id + " is hidden from " + receiver.code() + " (conflict of interest)");
        }
        for (Referral referral : referrals) {
            if (referral.isOpen() && referral.organisation().code().equals(receiver.code())) {
                return Refused.by(
                        CaseworkRule.ALREADY_REFERRED,
                        receiver.code() + " already has open referral " + referral.id() + " of case " + this.id);
            }
        }
        return Referral.open(opening, id, receiver);
    }

    private record ConflictEffects(
            List<FlaggedConflict> conflicts,
            List<ReferralChanged> referralChanges,
            Set<ImmediateNotice> notices,
            Optional<ReferralOpening> opening) {}

    private ConflictEffects conflictEffects(
            List<ConflictSignal> signals, Actor by, Instant now, List<Referral> referrals, CaseworkRules rules) {
        if (signals.isEmpty()) {
            return new ConflictEffects(conflicts, List.of(), Set.of(), Optional.empty());
        }
        List<FlaggedConflict> flagged = new ArrayList<>(conflicts);
        List<ReferralChanged> changes = new ArrayList<>();
        @Nullable ReferralId escalatedFrom = null;
        for (ConflictSignal signal : signals) {
            flagged.add(new FlaggedConflict(signal, by, now));
            for (Referral referral : referrals) {
                Optional<ReferralChanged> change = referral.escalateForConflict(signal, by, now);
                if (change.isPresent()) {
                    changes.add(change.get());
                    escalatedFrom = referral.id();
                }
            }
        }
        Case withConflicts = new Case(id, version, openedAt, child, reports, riskHistory, status, closure, flagged);
        Optional<ReferralOpening> opening = Optional.empty();
        if (status != CaseStatus.CLOSED) {
            OrganisationType oversight = oversightFor(withConflicts);
            boolean oversightHasIt = referrals.stream()
                    .anyMatch(r -> r.isOpen()
                            && r.organisation().type() == oversight
                            && !withConflicts.isHiddenFrom(r.organisation().code()));
            if (!oversightHasIt) {
                opening = Optional.of(withConflicts.oversightOpening(signals, escalatedFrom, by, now, rules));
            }
        }
        return new ConflictEffects(flagged, changes, Set.of(ImmediateNotice.OVERSIGHT), opening);
    }

    private ReferralOpening oversightOpening(
            List<ConflictSignal> signals, @Nullable ReferralId from, Actor by, Instant now, CaseworkRules rules) {
        OrganisationType oversight = oversightFor(this);
        DueTimes due = policy(rules).dueTimes(now, rules.calendar());
        List<String> described = new ArrayList<>();
        for (ConflictSignal signal : signals) {
            described.add(signal.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " by "
                    + signal.organisation().code());
        }
        return new ReferralOpening(
                id,
                oversight,
                null,
                ReferralBasis.CONFLICT_OF_INTEREST,
                from,
                LadderPosition.footOf(oversight),
                risk(),
                categories(),
                now,
                new DueTimes(due.acknowledgeBy(), due.actBy(), due.outcomeBy(), now),
                null,
                by,
                "conflict of interest: " + String.join(", ", described));
    }

    /** The Commissioner, unless the Commissioner's own office is conflicted: then the prosecutor's office. */
    private static OrganisationType oversightFor(Case aCase) {
        boolean commissionerConflicted = aCase.conflicts().stream()
                .anyMatch(c -> c.signal().organisation().type() == OrganisationType.COMMISSIONER);
        return commissionerConflicted ? OrganisationType.PROSECUTOR : OrganisationType.COMMISSIONER;
    }

    private static Set<ImmediateNotice> newNotices(DeadlinePolicy before, DeadlinePolicy after) {
        Set<ImmediateNotice> notices = EnumSet.noneOf(ImmediateNotice.class);
        notices.addAll(after.tellAtOnce());
        notices.removeAll(before.tellAtOnce());
        return notices;
    }

    private static List<ReferralChanged> closeReferrals(List<Referral> referrals, Actor by, Instant now) {
        List<ReferralChanged> changes = new ArrayList<>();
        for (Referral referral : referrals) {
            referral.closeWithCase(by, now).ifPresent(changes::add);
        }
        return changes;
    }

    /** The referrals with those that changed replaced by their new version. */
    private static List<Referral> replaced(List<Referral> referrals, List<ReferralChanged> changes) {
        List<Referral> current = new ArrayList<>();
        for (Referral referral : referrals) {
            Referral latest = referral;
            for (ReferralChanged change : changes) {
                if (change.after().id().equals(referral.id())) {
                    latest = change.after();
                }
            }
            current.add(latest);
        }
        return current;
    }

    private @Nullable Refused refuseClosing() {
        if (status == CaseStatus.CLOSED) {
            return closedRefusal();
        }
        if (status == CaseStatus.CLOSE_REQUESTED) {
            return Refused.by(
                    CaseworkRule.CLOSE_ALREADY_REQUESTED, "closing case " + id + " already waits for approval");
        }
        return null;
    }

    private @Nullable Refused refuseDeciding(Actor approver) {
        Objects.requireNonNull(approver, "approver");
        if (status == CaseStatus.CLOSED) {
            return closedRefusal();
        }
        if (status != CaseStatus.CLOSE_REQUESTED) {
            return Refused.by(CaseworkRule.NO_CLOSE_REQUEST, "nobody asked to close case " + id);
        }
        if (approver.role() != Role.OVERSIGHT) {
            return Refused.by(
                    CaseworkRule.APPROVER_NOT_OVERSIGHT,
                    "only a person with the oversight role decides on closing case " + id + ", not a "
                            + approver.role().name().toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private Refused closedRefusal() {
        return Refused.by(CaseworkRule.CASE_CLOSED, "case " + id + " is closed");
    }

    private void requireOwn(List<Referral> referrals) {
        for (Referral referral : referrals) {
            if (!referral.caseId().equals(id)) {
                throw new IllegalArgumentException(
                        "referral " + referral.id() + " belongs to case " + referral.caseId() + ", not " + id);
            }
        }
    }

    private Case next(
            CaseStatus nextStatus,
            @Nullable Closure nextClosure,
            List<FlaggedConflict> nextConflicts,
            List<RiskVersion> nextRisk) {
        return new Case(id, version + 1, openedAt, child, reports, nextRisk, nextStatus, nextClosure, nextConflicts);
    }
}
