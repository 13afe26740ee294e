package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import kz.qorgau.core.organisation.Organisation;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.DueTimes;
import kz.qorgau.core.policy.RequiredStep;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * A referral that must be opened, with its deadlines already fixed, waiting for the server to choose
 * the receiving body (when only its type is known) and an identifier. Open it with {@link
 * Case#referTo}.
 *
 * @param caseId the case
 * @param receiverType the type of body that must receive it
 * @param receiver the body, when already known (redirect, refer-on), otherwise null
 * @param basis why the referral is made
 * @param from the referral this one comes from, or null for a direct referral
 * @param ladder where the new referral stands on an escalation ladder
 * @param risk the case's risk level
 * @param categories the case's categories
 * @param openedAt the moment the referral is made (deadlines count from it)
 * @param due the deadlines
 * @param missedStep for an escalation, the step missed below; otherwise null
 * @param by who makes it
 * @param reason why, in words
 */
public record ReferralOpening(
        CaseId caseId,
        OrganisationType receiverType,
        @Nullable Organisation receiver,
        ReferralBasis basis,
        @Nullable ReferralId from,
        LadderPosition ladder,
        RiskLevel risk,
        Set<Category> categories,
        Instant openedAt,
        DueTimes due,
        @Nullable RequiredStep missedStep,
        Actor by,
        String reason) {

    /** Checks and copies the fields. */
    public ReferralOpening {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(receiverType, "receiverType");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
        if (receiver != null && receiver.type() != receiverType) {
            throw new IllegalArgumentException(
                    "receiver " + receiver.code() + " is a " + receiver.type() + ", not a " + receiverType);
        }
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }
}
