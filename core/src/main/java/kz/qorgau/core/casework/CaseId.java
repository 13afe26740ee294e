package kz.qorgau.core.casework;

import java.util.Objects;
import java.util.UUID;

/** Identifies a case; the server generates it. */
public record CaseId(UUID value) {

    /** Checks the value. */
    public CaseId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
