package kz.qorgau.signals.ads;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import kz.qorgau.signals.identifiers.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * One ad after screening: what it contains and how strongly it suggests a minor, with the words
 * behind every finding. Offsets in evidence refer to the ad's title and text joined by a line break
 * ({@code title + "\n" + text}); quotes are the original words.
 *
 * @param id the ad's id
 * @param source where it was published, if known
 * @param url its address, if known
 * @param postedAt when it was published, if known
 * @param city the city, by its reported name ({@code Qyzylorda}): the one the source gives, or else
 *     the first the text names; null if neither
 * @param citiesMentioned the cities the title and text name
 * @param identifiers phones, handles, stated ages and prices found
 * @param minorRisk the explained minor-risk score
 * @param images the ad's image hashes
 * @param fingerprint its text fingerprint, for linking
 */
public record ScreenedAd(
        String id,
        @Nullable String source,
        @Nullable String url,
        @Nullable OffsetDateTime postedAt,
        @Nullable String city,
        List<String> citiesMentioned,
        Identifiers identifiers,
        MinorRisk minorRisk,
        List<PdqHash> images,
        TextFingerprint fingerprint) {

    /** Checks the fields and copies the lists. */
    public ScreenedAd {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identifiers, "identifiers");
        Objects.requireNonNull(minorRisk, "minorRisk");
        Objects.requireNonNull(fingerprint, "fingerprint");
        citiesMentioned = List.copyOf(citiesMentioned);
        images = List.copyOf(images);
    }

    /** Its phone numbers in E.164 form. */
    public List<String> phones() {
        return identifiers.phoneNumbers();
    }

    /** Its messenger handles ({@code @name}). */
    public List<String> handles() {
        return identifiers.handleNames();
    }

    /** The ages it states. */
    public List<Integer> ages() {
        return identifiers.ageValues();
    }

    /** What {@link AdLinker} needs of it. */
    public LinkableAd linkable() {
        return new LinkableAd(id, postedAt, city, phones(), handles(), images, fingerprint);
    }
}
