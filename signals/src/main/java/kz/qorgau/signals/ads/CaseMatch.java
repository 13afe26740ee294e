package kz.qorgau.signals.ads;

import java.util.Objects;
import kz.qorgau.signals.text.TextSpan;

/**
 * An identifier recorded on a case found in a screened ad: work for the case worker to review,
 * with the ad's words. A phone match alone never identifies a person (escort sites carry fake
 * profiles with real third parties' numbers); a nickname match is weaker still.
 *
 * @param caseRef the case
 * @param adId the ad
 * @param kind what matched
 * @param recorded the identifier as the case worker recorded it
 * @param value its normalised form ({@code +7…}, {@code @name}, or the nickname)
 * @param evidence where it appears in the ad (offsets into {@code title + "\n" + text})
 */
public record CaseMatch(String caseRef, String adId, Kind kind, String recorded, String value, TextSpan evidence) {

    /** What matched. */
    public enum Kind {
        /** A phone number (E.164 equality). */
        PHONE,
        /** A messenger handle (equality of {@code @name}). */
        HANDLE,
        /** A nickname found among the ad's words: weak evidence. */
        NICKNAME
    }

    /** Checks the fields. */
    public CaseMatch {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(adId, "adId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(evidence, "evidence");
    }
}
