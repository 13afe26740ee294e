package kz.qorgau.signals.ads;

import java.util.List;
import java.util.Objects;

/**
 * Two ads of a cluster and everything that links them directly. The links of a cluster connect
 * all its ads; other pairs of the cluster are joined through them.
 *
 * @param adA the first ad's id
 * @param adB the second ad's id
 * @param evidence what they share, never empty
 */
public record AdLink(String adA, String adB, List<LinkEvidence> evidence) {

    /** Checks the fields and copies the list. */
    public AdLink {
        Objects.requireNonNull(adA, "adA");
        Objects.requireNonNull(adB, "adB");
        evidence = List.copyOf(evidence);
    }
}
