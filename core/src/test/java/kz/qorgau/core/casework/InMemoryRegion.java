package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qorgau.core.organisation.Organisation;
import kz.qorgau.core.organisation.OrganisationType;

/**
 * What the server does with the domain's values, in memory: stores each new version only if the stored
 * version is the one before it (as {@code UPDATE … WHERE version = ?} does), opens the referrals
 * transitions ask for by resolving the body of the asked type, and sweeps due referrals like the
 * scheduler. A reference for the server and a harness for story tests.
 */
final class InMemoryRegion {

    private final CaseworkRules rules;
    private final Map<OrganisationType, Organisation> directory = new EnumMap<>(OrganisationType.class);
    private final Map<ReferralId, Referral> referrals = new LinkedHashMap<>();
    private final List<ReferralEvent> referralEvents = new ArrayList<>();
    private final List<CaseEvent> caseEvents = new ArrayList<>();
    private final List<Refused> refusedOpenings = new ArrayList<>();
    private Case theCase;

    InMemoryRegion(CaseworkRules rules, List<Organisation> organisations, CaseChanged opened) {
        this.rules = rules;
        for (Organisation organisation : organisations) {
            directory.put(organisation.type(), organisation);
        }
        this.theCase = opened.after();
        caseEvents.add(opened.event());
        opened.opening().ifPresent(this::open);
    }

    Case theCase() {
        return theCase;
    }

    Referral referral(ReferralId id) {
        return referrals.get(id);
    }

    /** The newest referral of the case at an organisation. */
    Referral referralAt(Organisation organisation) {
        return referrals.values().stream()
                .filter(r -> r.organisation().equals(organisation))
                .max(Comparator.comparing(Referral::referredAt))
                .orElseThrow(() -> new AssertionError("no referral at " + organisation.code()));
    }

    List<Referral> referrals() {
        return List.copyOf(referrals.values());
    }

    List<ReferralEvent> referralEvents() {
        return List.copyOf(referralEvents);
    }

    List<CaseEvent> caseEvents() {
        return List.copyOf(caseEvents);
    }

    List<Refused> refusedOpenings() {
        return List.copyOf(refusedOpenings);
    }

    ReporterStatus reporterStatus() {
        return ReporterStatus.of(theCase, referrals());
    }

    /** Opens a referral directly (intake, a case worker). */
    Referral refer(Organisation to, String reason, Actor by, Instant now) {
        OpeningOutcome outcome = theCase.refer(CaseFixtures.referralId(), to, reason, by, now, referrals(), rules);
        return insert(outcome).orElseThrow(() -> new AssertionError("refused: " + refusedOpenings.getLast()));
    }

    /** Applies a referral transition's outcome; a refusal is returned unchanged. */
    ReferralOutcome apply(ReferralOutcome outcome) {
        if (outcome instanceof ReferralChanged changed) {
            store(changed);
            changed.opening().ifPresent(this::open);
        }
        return outcome;
    }

    /** Applies a case transition's outcome; a refusal is returned unchanged. */
    CaseOutcome apply(CaseOutcome outcome) {
        if (outcome instanceof CaseChanged changed) {
            if (changed.after().version() != theCase.version() + 1) {
                throw new AssertionError("case version " + theCase.version() + " was not the one changed");
            }
            theCase = changed.after();
            caseEvents.add(changed.event());
            changed.referralChanges().forEach(this::store);
            changed.opening().ifPresent(this::open);
        }
        return outcome;
    }

    /**
     * One sweep of the scheduler: every referral whose escalation is due is escalated and the next rung
     * opened. Returns the escalations applied.
     */
    List<EscalationOutcome.Escalated> sweep(Instant now) {
        List<EscalationOutcome.Escalated> applied = new ArrayList<>();
        for (Referral referral : referrals()) {
            Optional<Instant> due = referral.escalationDueAt(rules.ladders());
            if (due.isEmpty() || due.get().isAfter(now)) {
                continue;
            }
            if (referral.escalate(now, rules) instanceof EscalationOutcome.Escalated escalated
                    && storeIfUnchanged(escalated.after(), escalated.event())) {
                applied.add(escalated);
                open(escalated.opening());
            }
        }
        return applied;
    }

    /** Stores a new version only if the stored one is the version before it; false when another writer won. */
    boolean storeIfUnchanged(Referral after, ReferralEvent event) {
        Referral stored = referrals.get(after.id());
        if (stored.version() != after.version() - 1) {
            return false;
        }
        referrals.put(after.id(), after);
        referralEvents.add(event);
        return true;
    }

    private void store(ReferralChanged changed) {
        if (!storeIfUnchanged(changed.after(), changed.event())) {
            throw new AssertionError("referral " + changed.after().id() + " changed underneath");
        }
    }

    private void open(ReferralOpening opening) {
        Organisation receiver = opening.receiver() != null ? opening.receiver() : directory.get(opening.receiverType());
        insert(theCase.referTo(opening, CaseFixtures.referralId(), receiver, referrals()));
    }

    private Optional<Referral> insert(OpeningOutcome outcome) {
        return switch (outcome) {
            case ReferralOpened opened -> {
                referrals.put(opened.referral().id(), opened.referral());
                referralEvents.add(opened.event());
                yield Optional.of(opened.referral());
            }
            case Refused refused -> {
                refusedOpenings.add(refused);
                yield Optional.empty();
            }
        };
    }
}
