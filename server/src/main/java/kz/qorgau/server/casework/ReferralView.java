package kz.qorgau.server.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.core.casework.RecordedAction;
import kz.qorgau.core.casework.Referral;
import kz.qorgau.core.casework.ReferralState;
import org.jspecify.annotations.Nullable;

/**
 * A referral as staff and the API see it: where it is and what is due when.
 *
 * @param overdue whether a step is past its deadline and not met (at the time of reading)
 */
public record ReferralView(
        UUID id,
        String organisation,
        String organisationType,
        String state,
        String basis,
        Instant referredAt,
        Instant acknowledgeBy,
        Instant actBy,
        Instant outcomeBy,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant actedAt,
        @Nullable Instant escalatedAt,
        boolean overdue,
        List<Action> actions,
        @Nullable String conclusion) {

    /** An action recorded on the referral. */
    /**
     * @param corrects for a correction, the position (from 0, among this referral's actions) of the
     *     action it corrects; null for an action as first recorded
     * @param reason why it was corrected, for a correction
     * @param correctedBy the position of the latest correction of this action, if any
     */
    public record Action(
            String kind,
            Instant at,
            String organisation,
            @Nullable String note,
            @Nullable Integer corrects,
            @Nullable String reason,
            @Nullable Integer correctedBy) {}

    static ReferralView of(Referral referral, Instant now) {
        boolean open = referral.state() != ReferralState.CLOSED
                && referral.state() != ReferralState.REDIRECTED
                && referral.state() != ReferralState.ESCALATED;
        boolean overdue = open
                && (referral.acknowledgement().isOverdueAt(now)
                        || referral.firstProtectiveAction().isOverdueAt(now)
                        || referral.outcome().isOverdueAt(now));
        return new ReferralView(
                referral.id().value(),
                referral.organisation().code(),
                referral.organisation().type().code(),
                referral.state().name().toLowerCase(java.util.Locale.ROOT),
                referral.basis().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                referral.referredAt(),
                referral.acknowledgement().dueAt(),
                referral.firstProtectiveAction().dueAt(),
                referral.outcome().dueAt(),
                referral.acknowledgement().metAt(),
                referral.firstProtectiveAction().metAt(),
                referral.escalation() == null ? null : referral.escalation().at(),
                overdue,
                actions(referral.actions()),
                referral.conclusion());
    }

    private static List<Action> actions(List<RecordedAction> recorded) {
        java.util.Map<Integer, Integer> latestCorrection = new java.util.HashMap<>();
        for (int i = 0; i < recorded.size(); i++) {
            Integer corrects = recorded.get(i).corrects();
            if (corrects != null) {
                latestCorrection.put(corrects, i);
            }
        }
        List<Action> out = new java.util.ArrayList<>(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            RecordedAction action = recorded.get(i);
            out.add(new Action(
                    action.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    action.at(),
                    action.by().organisationCode(),
                    action.note(),
                    action.corrects(),
                    action.reason(),
                    latestCorrection.get(i)));
        }
        return out;
    }
}
