package kz.qorgau.signals.ads;

import java.util.Objects;

/**
 * A contact or picture found in so many ads that it cannot say who placed them (a site's support
 * number, a stock photo, a placeholder): it is not used to link ads and is reported instead.
 *
 * @param kind {@code phone}, {@code handle} or {@code image}
 * @param value the number, handle or PDQ hash
 * @param ads in how many ads it appears
 */
public record IgnoredContact(String kind, String value, int ads) {

    /** Checks the fields. */
    public IgnoredContact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
