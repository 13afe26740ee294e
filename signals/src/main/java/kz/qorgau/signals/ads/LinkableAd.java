package kz.qorgau.signals.ads;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link AdLinker} needs of a screened ad: its contacts, image hashes and text fingerprint —
 * not its text, so that a million of them fit in memory.
 *
 * @param id the ad's id
 * @param postedAt when it was published, if known
 * @param city the city it is in, if known
 * @param phones its phone numbers in E.164 form
 * @param handles its messenger handles ({@code @name})
 * @param images its image hashes
 * @param fingerprint its text fingerprint
 */
public record LinkableAd(
        String id,
        @Nullable OffsetDateTime postedAt,
        @Nullable String city,
        List<String> phones,
        List<String> handles,
        List<PdqHash> images,
        TextFingerprint fingerprint) {

    /** Checks the fields and copies the lists. */
    public LinkableAd {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fingerprint, "fingerprint");
        phones = List.copyOf(phones);
        handles = List.copyOf(handles);
        images = List.copyOf(images);
    }
}
