package kz.qorgau.signals.ads;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One ad as a source published it.
 *
 * @param id the source's identifier, unique within a batch
 * @param source where it was published (a site's name), if known
 * @param url its address, if known
 * @param postedAt when it was published, with the source's offset, if known
 * @param city the city the source gives, as written, if any
 * @param title its title, possibly empty
 * @param text its text
 * @param images perceptual hashes of its pictures, computed by the source
 */
public record Ad(
        String id,
        @Nullable String source,
        @Nullable String url,
        @Nullable OffsetDateTime postedAt,
        @Nullable String city,
        String title,
        String text,
        List<PdqHash> images) {

    /** Checks the fields and copies the list. */
    public Ad {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an ad needs a non-blank id");
        }
        images = List.copyOf(images);
    }

    /** An ad with only an id and a text, for tests and for callers that have nothing else. */
    public static Ad of(String id, String text) {
        return new Ad(id, null, null, null, null, "", text, List.of());
    }
}
