package kz.qorgau.signals.ads;

import java.util.Objects;

/** What one input line gave: an ad, or the reason it was rejected. */
public sealed interface AdLine {

    /** The 1-based line number in the input. */
    long lineNumber();

    /**
     * A line read as an ad.
     *
     * @param lineNumber 1-based line number
     * @param ad the ad
     */
    record Accepted(long lineNumber, Ad ad) implements AdLine {
        /** Checks the fields. */
        public Accepted {
            Objects.requireNonNull(ad, "ad");
        }
    }

    /**
     * A line that is not a usable ad; it is skipped and the rest is read.
     *
     * @param lineNumber 1-based line number
     * @param reason what is wrong and how to fix it
     */
    record Rejected(long lineNumber, String reason) implements AdLine {
        /** Checks the fields. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "line " + lineNumber + ": " + reason;
        }
    }
}
