package kz.qorgau.core.casework;

import java.util.Objects;

/**
 * A new referral, version 1, for the server to insert.
 *
 * @param referral the referral
 * @param event its {@link ReferralEvent.Kind#OPENED} event
 */
public record ReferralOpened(Referral referral, ReferralEvent event) implements OpeningOutcome {

    /** Checks the fields. */
    public ReferralOpened {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(event, "event");
    }
}
