package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.core.escalation.EscalationLadders;
import kz.qorgau.core.escalation.EscalationStep;
import kz.qorgau.core.organisation.Organisation;
import kz.qorgau.core.policy.DeadlinePolicy;
import kz.qorgau.core.policy.DueTimes;
import kz.qorgau.core.policy.RequiredStep;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * A case sent to one organisation, with a deadline on each required step (acknowledge, first
 * protective action, outcome). Immutable: each transition returns a new version ({@link
 * ReferralChanged}) or a {@link Refused} naming the rule, and never reads the clock.
 *
 * <p>The canonical constructor rebuilds a stored referral; new referrals come only from {@link
 * Case#refer} and {@link Case#referTo}.
 *
 * <h2>States</h2>
 *
 * <pre>
 * PENDING --acknowledge--> ACKNOWLEDGED --action--> ACTING --outcome--> CLOSED
 * PENDING --action (acknowledges too)--> ACTING
 * PENDING | ACKNOWLEDGED --redirect as not competent (within the window)--> REDIRECTED
 * PENDING | ACKNOWLEDGED | ACTING --step overdue, or conflict of interest--> ESCALATED
 * ESCALATED --late acknowledgement / action--> ESCALATED --outcome--> CLOSED
 * any but REDIRECTED --case closed--> CLOSED
 * </pre>
 *
 * @param id the referral's identifier
 * @param caseId the case it belongs to
 * @param version 1 when opened, one more with every transition
 * @param organisation the organisation it was made to
 * @param basis why it was made
 * @param from the referral it came from (refer-on, redirect, escalation, conflict), or null
 * @param ladder where it stands on an escalation ladder
 * @param risk the case's risk level its deadlines are for
 * @param categories the case's categories when it was made
 * @param state where it is
 * @param referredAt when it was made
 * @param acknowledgement the acknowledgement deadline
 * @param firstProtectiveAction the first-protective-action deadline
 * @param outcome the outcome deadline
 * @param redirectUntil until when the organisation may redirect it as not competent
 * @param actions the actions recorded, oldest first
 * @param conclusion the outcome text, once recorded
 * @param escalation how it left the clock upwards, once escalated
 */
public record Referral(
        ReferralId id,
        CaseId caseId,
        long version,
        Organisation organisation,
        ReferralBasis basis,
        @Nullable ReferralId from,
        LadderPosition ladder,
        RiskLevel risk,
        Set<Category> categories,
        ReferralState state,
        Instant referredAt,
        Deadline acknowledgement,
        Deadline firstProtectiveAction,
        Deadline outcome,
        Instant redirectUntil,
        List<RecordedAction> actions,
        @Nullable String conclusion,
        @Nullable Escalation escalation) {

    /** The actor recorded on escalations made by the scheduler. */
    public static final Actor ESCALATION_SCHEDULER = Actor.system("escalation-scheduler");

    /**
     * How a referral was escalated.
     *
     * @param cause why
     * @param missedStep the step whose deadline passed (null for a conflict of interest)
     * @param missedDueAt when that step was due (null for a conflict of interest)
     * @param at when it was escalated
     */
    public record Escalation(
            Cause cause,
            @Nullable RequiredStep missedStep,
            @Nullable Instant missedDueAt,
            Instant at) {

        /** Why a referral was escalated. */
        public enum Cause {
            /** A step's deadline passed. */
            OVERDUE,
            /** A conflict of interest with the organisation sent the case to oversight. */
            CONFLICT_OF_INTEREST
        }

        /** Checks the fields. */
        public Escalation {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(at, "at");
            if (cause == Cause.OVERDUE && (missedStep == null || missedDueAt == null)) {
                throw new IllegalArgumentException("an overdue escalation names the missed step and its due time");
            }
        }
    }

    /** Checks the invariants of a stored referral and copies the collections. */
    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(referredAt, "referredAt");
        Objects.requireNonNull(redirectUntil, "redirectUntil");
        requireStep(acknowledgement, RequiredStep.ACKNOWLEDGE);
        requireStep(firstProtectiveAction, RequiredStep.FIRST_PROTECTIVE_ACTION);
        requireStep(outcome, RequiredStep.OUTCOME);
        if (version < 1) {
            throw new IllegalArgumentException("referral versions start at 1, got " + version);
        }
        if (state == ReferralState.ESCALATED && escalation == null) {
            throw new IllegalArgumentException("an escalated referral records how it was escalated");
        }
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        actions = List.copyOf(actions);
    }

    private static void requireStep(Deadline deadline, RequiredStep step) {
        Objects.requireNonNull(deadline, step.name());
        if (deadline.step() != step) {
            throw new IllegalArgumentException("the " + step + " deadline is for " + deadline.step());
        }
    }

    /** When the acknowledgement is due (the API's {@code acknowledgeBy}). */
    public Instant acknowledgeBy() {
        return acknowledgement.dueAt();
    }

    /** When the first protective action is due (the API's {@code actBy}). */
    public Instant actBy() {
        return firstProtectiveAction.dueAt();
    }

    /** The three deadlines in step order. */
    public List<Deadline> deadlines() {
        return List.of(acknowledgement, firstProtectiveAction, outcome);
    }

    /** Whether the referral's clock runs. */
    public boolean isOpen() {
        return state.isOpen();
    }

    /** The earliest deadline not yet met, if the clock runs. */
    public Optional<Deadline> nextDeadline() {
        if (!state.isOpen()) {
            return Optional.empty();
        }
        @Nullable Deadline next = null;
        for (Deadline deadline : deadlines()) {
            if (!deadline.isMet() && (next == null || deadline.dueAt().isBefore(next.dueAt()))) {
                next = deadline;
            }
        }
        return Optional.ofNullable(next);
    }

    /** Whether the clock runs and a step is overdue at {@code now}. */
    public boolean isOverdueAt(Instant now) {
        return nextDeadline().map(d -> d.isOverdueAt(now)).orElse(false);
    }

    /**
     * When the scheduler must look at this referral: the earliest open deadline while the clock runs and
     * a rung above exists; empty otherwise. The server stores it in an indexed column and recomputes it
     * with every new version (and once for all open referrals when the ladders' configuration changes).
     */
    public Optional<Instant> escalationDueAt(EscalationLadders ladders) {
        if (ladders.ladderFor(ladder.origin()).stepAbove(ladder.level()).isEmpty()) {
            return Optional.empty();
        }
        return nextDeadline().map(Deadline::dueAt);
    }

    /**
     * The organisation acknowledges the referral. Allowed late, also once escalated.
     *
     * @param by a member of the receiving organisation
     */
    public ReferralOutcome acknowledge(Actor by, Instant now) {
        Refused refused = refuseWork(by);
        if (refused != null) {
            return refused;
        }
        if (acknowledgement.isMet()) {
            return Refused.by(
                    CaseworkRule.REFERRAL_ALREADY_ACKNOWLEDGED,
                    "referral " + id + " was acknowledged at " + acknowledgement.metAt());
        }
        ReferralState next = state == ReferralState.PENDING ? ReferralState.ACKNOWLEDGED : state;
        Referral after = next(
                next,
                acknowledgement.metAt(now),
                firstProtectiveAction,
                outcome,
                actions,
                conclusion,
                escalation,
                risk);
        return ReferralChanged.of(after, ReferralEvent.of(after, ReferralEvent.Kind.ACKNOWLEDGED, now, by));
    }

    /**
     * The organisation records an action. An action on a pending referral acknowledges it too; the
     * first protective action meets that deadline. Allowed late, also once escalated.
     *
     * @param kind what was done
     * @param note what the worker wrote, or null; at most 4000 characters
     * @param by a member of the receiving organisation
     */
    public ReferralOutcome recordAction(ActionKind kind, @Nullable String note, Actor by, Instant now) {
        Objects.requireNonNull(kind, "kind");
        String text = FreeText.optional(note, "note");
        Refused refused = refuseWork(by);
        if (refused != null) {
            return refused;
        }
        Referral after = withAction(kind, text, by, now);
        return ReferralChanged.of(
                after,
                ReferralEvent.of(after, ReferralEvent.Kind.ACTION_RECORDED, now, by)
                        .withAction(kind)
                        .withNote(text));
    }

    /**
     * The organisation corrects an action it recorded: a new version with a further action that names
     * the one it corrects, who corrects it and why; the corrected action stays as it was. A correction
     * changes no deadline (a step met stays met: what was done then was recorded then). Allowed also on
     * a closed or escalated referral; not on a redirected one, which the competent body now holds.
     *
     * @param index the position (from 0) of the action corrected, which may itself be a correction
     * @param kind what was really done
     * @param note the corrected note, or null
     * @param reason why the record was wrong; required
     * @param by a member of the receiving organisation
     */
    public ReferralOutcome correctAction(
            int index, ActionKind kind, @Nullable String note, String reason, Actor by, Instant now) {
        Objects.requireNonNull(kind, "kind");
        String text = FreeText.optional(note, "note");
        String why = FreeText.required(reason, "reason");
        Refused refused = refuseHolder(by);
        if (refused != null) {
            return refused;
        }
        if (index < 0 || index >= actions.size()) {
            return Refused.by(
                    CaseworkRule.NO_SUCH_ACTION,
                    "referral " + id + " has " + actions.size() + " recorded actions; there is no action #" + index);
        }
        List<RecordedAction> more = new ArrayList<>(actions);
        more.add(new RecordedAction(kind, by, now, text, index, why));
        Referral after =
                next(state, acknowledgement, firstProtectiveAction, outcome, more, conclusion, escalation, risk);
        return ReferralChanged.of(
                after,
                ReferralEvent.of(after, ReferralEvent.Kind.ACTION_CORRECTED, now, by)
                        .withAction(kind)
                        .withNote(why));
    }

    /**
     * A body that is not competent redirects the referral to the competent one, within the redirect
     * window (Administrative Procedural Code art. 65(1): 3 working days). The competent body gets a
     * referral of its own whose deadlines count from now.
     *
     * @param competent the competent organisation
     * @param reason why this body is not competent; required
     * @param by a member of the receiving organisation
     */
    public ReferralOutcome redirectNotCompetent(
            Organisation competent, String reason, Actor by, Instant now, CaseworkRules rules) {
        Objects.requireNonNull(competent, "competent");
        String text = FreeText.required(reason, "reason");
        Refused refused = refuseWork(by);
        if (refused != null) {
            return refused;
        }
        if (state == ReferralState.ESCALATED) {
            return Refused.by(
                    CaseworkRule.REFERRAL_ESCALATED,
                    "referral " + id + " was escalated; the body it went to decides where the case goes");
        }
        if (state == ReferralState.ACTING) {
            return Refused.by(
                    CaseworkRule.REDIRECT_AFTER_ACTION,
                    "referral " + id + " has actions recorded; refer the case on instead of redirecting it");
        }
        if (!now.isBefore(redirectUntil)) {
            return Refused.by(
                    CaseworkRule.REDIRECT_WINDOW_CLOSED,
                    "a body that is not competent redirects by " + redirectUntil + "; referral " + id
                            + " is now this organisation's to handle");
        }
        if (competent.code().equals(organisation.code())) {
            return Refused.by(CaseworkRule.SAME_ORGANISATION, "the referral is already with " + competent.code());
        }
        Referral after = next(
                ReferralState.REDIRECTED,
                acknowledgement.metAt(now),
                firstProtectiveAction,
                outcome,
                actions,
                conclusion,
                escalation,
                risk);
        ReferralOpening opening = openingTo(competent, ReferralBasis.REDIRECTED, now, by, text, rules);
        return new ReferralChanged(
                after,
                ReferralEvent.of(after, ReferralEvent.Kind.REDIRECTED, now, by)
                        .withCounterpart(competent)
                        .withNote(text),
                Optional.of(opening));
    }

    /**
     * The organisation refers the case on to another organisation and keeps its own referral (recorded
     * as a {@link ActionKind#REFERRAL_ON} action, which acknowledges a pending referral but is not a
     * protective action).
     *
     * @param to the other organisation
     * @param reason why; required
     * @param by a member of the receiving organisation
     */
    public ReferralOutcome referOn(Organisation to, String reason, Actor by, Instant now, CaseworkRules rules) {
        Objects.requireNonNull(to, "to");
        String text = FreeText.required(reason, "reason");
        Refused refused = refuseWork(by);
        if (refused != null) {
            return refused;
        }
        if (to.code().equals(organisation.code())) {
            return Refused.by(CaseworkRule.SAME_ORGANISATION, "the referral is already with " + to.code());
        }
        Referral after = withAction(ActionKind.REFERRAL_ON, text, by, now);
        ReferralOpening opening = openingTo(to, ReferralBasis.REFERRED_ON, now, by, text, rules);
        return new ReferralChanged(
                after,
                ReferralEvent.of(after, ReferralEvent.Kind.REFERRED_ON, now, by)
                        .withAction(ActionKind.REFERRAL_ON)
                        .withCounterpart(to)
                        .withNote(text),
                Optional.of(opening));
    }

    /**
     * The organisation records the outcome and closes the referral. Needs at least one recorded action,
     * so that no body can close a referral by deciding alone that nothing was reported.
     *
     * @param conclusion what came of it; required
     * @param by a member of the receiving organisation
     */
    public ReferralOutcome recordOutcome(String conclusion, Actor by, Instant now) {
        String text = FreeText.required(conclusion, "conclusion");
        Refused refused = refuseWork(by);
        if (refused != null) {
            return refused;
        }
        if (actions.isEmpty()) {
            return Refused.by(
                    CaseworkRule.OUTCOME_NEEDS_AN_ACTION,
                    "record what was done (a visit, an interview, a statement…) before the outcome of referral " + id);
        }
        Referral after = next(
                ReferralState.CLOSED,
                acknowledgement,
                firstProtectiveAction,
                outcome.metAt(now),
                actions,
                text,
                escalation,
                risk);
        return ReferralChanged.of(
                after,
                ReferralEvent.of(after, ReferralEvent.Kind.OUTCOME_RECORDED, now, by)
                        .withNote(text));
    }

    /**
     * Escalates the referral if a step is overdue at {@code now} and its ladder has a rung above. The
     * answer depends only on this version, {@code now} and the rules, so scheduler instances that
     * evaluate the same version agree; store {@link EscalationOutcome.Escalated#after()} on condition
     * that the stored version is still {@link #version()}, and the loser of a race re-reads and gets
     * {@link EscalationOutcome.AlreadyEscalated}.
     *
     * <p>The referral at the next rung gets, for acknowledgement and first protective action, the
     * shorter of the rung's limit and the deadline policy's (so critical cases keep their clock hours),
     * counted from {@code now}; the outcome limit is the policy's.
     */
    public EscalationOutcome escalate(Instant now, CaseworkRules rules) {
        Objects.requireNonNull(now, "now");
        if (escalation != null) {
            return new EscalationOutcome.AlreadyEscalated(escalation.at());
        }
        switch (state) {
            case CLOSED -> {
                return new EscalationOutcome.NothingToEscalate(EscalationOutcome.Reason.REFERRAL_CLOSED);
            }
            case REDIRECTED -> {
                return new EscalationOutcome.NothingToEscalate(EscalationOutcome.Reason.REFERRAL_REDIRECTED);
            }
            default -> {}
        }
        Optional<Deadline> next = nextDeadline();
        if (next.isEmpty()) {
            return new EscalationOutcome.NothingToEscalate(EscalationOutcome.Reason.ALL_STEPS_MET);
        }
        Deadline missed = next.get();
        if (!missed.isOverdueAt(now)) {
            return new EscalationOutcome.NotDue(missed.dueAt());
        }
        Optional<EscalationStep> above =
                rules.ladders().ladderFor(ladder.origin()).stepAbove(ladder.level());
        if (above.isEmpty()) {
            return new EscalationOutcome.NothingToEscalate(EscalationOutcome.Reason.TOP_OF_LADDER);
        }
        EscalationStep step = above.get();
        DeadlinePolicy policy = rules.policies().policyFor(risk, categories);
        DueTimes policyDue = policy.dueTimes(now, rules.calendar());
        DueTimes rungDue = new DueTimes(
                step.acknowledgeWithin().from(now, rules.calendar()),
                step.actWithin().from(now, rules.calendar()),
                policyDue.outcomeBy(),
                now);
        Referral after = next(
                ReferralState.ESCALATED,
                acknowledgement,
                firstProtectiveAction,
                outcome,
                actions,
                conclusion,
                new Escalation(Escalation.Cause.OVERDUE, missed.step(), missed.dueAt(), now),
                risk);
        ReferralEvent event = ReferralEvent.of(after, ReferralEvent.Kind.ESCALATED, now, ESCALATION_SCHEDULER)
                .withEscalation(step.receiver(), missed.step());
        ReferralOpening opening = new ReferralOpening(
                caseId,
                step.receiver(),
                null,
                ReferralBasis.ESCALATED,
                id,
                new LadderPosition(ladder.origin(), ladder.level() + 1),
                risk,
                categories,
                now,
                rungDue.earliest(policyDue),
                missed.step(),
                ESCALATION_SCHEDULER,
                missed.step().name().toLowerCase(Locale.ROOT) + " was due at " + missed.dueAt() + " at "
                        + organisation.code() + " and not done");
        return new EscalationOutcome.Escalated(after, event, missed.step(), missed.dueAt(), step, opening);
    }

    static ReferralOpened open(ReferralOpening opening, ReferralId id, Organisation receiver) {
        DueTimes due = opening.due();
        Referral referral = new Referral(
                id,
                opening.caseId(),
                1,
                receiver,
                opening.basis(),
                opening.from(),
                opening.ladder(),
                opening.risk(),
                opening.categories(),
                ReferralState.PENDING,
                opening.openedAt(),
                new Deadline(RequiredStep.ACKNOWLEDGE, due.acknowledgeBy(), null),
                new Deadline(RequiredStep.FIRST_PROTECTIVE_ACTION, due.actBy(), null),
                new Deadline(RequiredStep.OUTCOME, due.outcomeBy(), null),
                due.redirectUntil(),
                List.of(),
                null,
                null);
        ReferralEvent event = ReferralEvent.of(referral, ReferralEvent.Kind.OPENED, opening.openedAt(), opening.by())
                .withRisk(opening.risk())
                .withNote(opening.reason());
        if (opening.missedStep() != null) {
            event = event.withEscalation(receiver.type(), opening.missedStep());
        }
        return new ReferralOpened(referral, event);
    }

    /**
     * The case's risk level changed: record it and, where the new level's policy counted from now gives
     * an earlier deadline, shorten it. Deadlines are never lengthened. Empty when nothing changes.
     */
    Optional<ReferralChanged> applyRisk(RiskLevel level, Actor by, Instant now, CaseworkRules rules) {
        if (!state.isOpen() || level == risk) {
            return Optional.empty();
        }
        DueTimes due = rules.policies().policyFor(level, categories).dueTimes(now, rules.calendar());
        Referral after = next(
                state,
                acknowledgement.dueNoLaterThan(due.acknowledgeBy()),
                firstProtectiveAction.dueNoLaterThan(due.actBy()),
                outcome.dueNoLaterThan(due.outcomeBy()),
                actions,
                conclusion,
                escalation,
                level);
        return Optional.of(ReferralChanged.of(
                after,
                ReferralEvent.of(after, ReferralEvent.Kind.RISK_APPLIED, now, by)
                        .withRisk(level)));
    }

    /** A conflict of interest with this referral's organisation takes it off the clock. */
    Optional<ReferralChanged> escalateForConflict(ConflictSignal signal, Actor by, Instant now) {
        if (!state.isOpen() || !signal.organisation().code().equals(organisation.code())) {
            return Optional.empty();
        }
        Referral after = next(
                ReferralState.ESCALATED,
                acknowledgement,
                firstProtectiveAction,
                outcome,
                actions,
                conclusion,
                new Escalation(Escalation.Cause.CONFLICT_OF_INTEREST, null, null, now),
                risk);
        return Optional.of(ReferralChanged.of(
                after,
                ReferralEvent.of(after, ReferralEvent.Kind.ESCALATED_FOR_CONFLICT, now, by)
                        .withNote(signal.kind().name().toLowerCase(Locale.ROOT))));
    }

    /** The case was closed: close the referral too, unless it is already closed or redirected. */
    Optional<ReferralChanged> closeWithCase(Actor by, Instant now) {
        if (state == ReferralState.CLOSED || state == ReferralState.REDIRECTED) {
            return Optional.empty();
        }
        Referral after = next(
                ReferralState.CLOSED,
                acknowledgement,
                firstProtectiveAction,
                outcome,
                actions,
                conclusion,
                escalation,
                risk);
        return Optional.of(
                ReferralChanged.of(after, ReferralEvent.of(after, ReferralEvent.Kind.CLOSED_WITH_CASE, now, by)));
    }

    private @Nullable Refused refuseWork(Actor by) {
        Objects.requireNonNull(by, "by");
        if (state == ReferralState.CLOSED) {
            return Refused.by(CaseworkRule.REFERRAL_CLOSED, "referral " + id + " is closed");
        }
        return refuseHolder(by);
    }

    /** Refused unless {@code by} works for the organisation that holds the referral (not redirected away). */
    private @Nullable Refused refuseHolder(Actor by) {
        Objects.requireNonNull(by, "by");
        if (state == ReferralState.REDIRECTED) {
            return Refused.by(
                    CaseworkRule.REFERRAL_REDIRECTED,
                    "referral " + id + " was redirected; the competent body has its own referral");
        }
        if (!by.organisationCode().equals(organisation.code())) {
            return Refused.by(
                    CaseworkRule.NOT_THE_RECEIVING_ORGANISATION,
                    "referral " + id + " is with " + organisation.code() + ", not " + by.organisationCode());
        }
        return null;
    }

    private Referral withAction(ActionKind kind, @Nullable String note, Actor by, Instant now) {
        List<RecordedAction> more = new ArrayList<>(actions);
        more.add(new RecordedAction(kind, by, now, note));
        ReferralState next = state.isOpen() ? ReferralState.ACTING : state;
        Deadline act = kind.isProtective() ? firstProtectiveAction.metAt(now) : firstProtectiveAction;
        return next(next, acknowledgement.metAt(now), act, outcome, more, conclusion, escalation, risk);
    }

    private ReferralOpening openingTo(
            Organisation to, ReferralBasis why, Instant now, Actor by, String reason, CaseworkRules rules) {
        DueTimes due = rules.policies().policyFor(risk, categories).dueTimes(now, rules.calendar());
        return new ReferralOpening(
                caseId,
                to.type(),
                to,
                why,
                id,
                LadderPosition.footOf(to.type()),
                risk,
                categories,
                now,
                due,
                null,
                by,
                reason);
    }

    private Referral next(
            ReferralState nextState,
            Deadline nextAcknowledgement,
            Deadline nextFirstProtectiveAction,
            Deadline nextOutcome,
            List<RecordedAction> nextActions,
            @Nullable String nextConclusion,
            @Nullable Escalation nextEscalation,
            RiskLevel nextRisk) {
        return new Referral(
                id,
                caseId,
                version + 1,
                organisation,
                basis,
                from,
                ladder,
                nextRisk,
                categories,
                nextState,
                referredAt,
                nextAcknowledgement,
                nextFirstProtectiveAction,
                nextOutcome,
                redirectUntil,
                nextActions,
                nextConclusion,
                nextEscalation);
    }
}
