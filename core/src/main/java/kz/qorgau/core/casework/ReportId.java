package kz.qorgau.core.casework;

import java.util.Objects;
import java.util.UUID;

/** Identifies a report; the server generates it. */
public record ReportId(UUID value) {

    /** Checks the value. */
    public ReportId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
