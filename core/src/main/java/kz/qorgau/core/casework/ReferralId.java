package kz.qorgau.core.casework;

import java.util.Objects;
import java.util.UUID;

/** Identifies a referral; the server generates it. */
public record ReferralId(UUID value) {

    /** Checks the value. */
    public ReferralId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
