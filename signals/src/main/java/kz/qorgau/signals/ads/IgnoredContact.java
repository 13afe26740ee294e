package kz.qorgau.signals.ads;

import java.util.Objects;

/**
 * A contact or picture found in so many ads, or beside so many other operators' numbers, that it
 * cannot say who placed them (a site's support number, a stock photo, a placeholder): it is not used
 * to link ads and is reported instead, for a person to look at.
 *
 * @param kind {@code phone}, {@code handle} or {@code image}
 * @param value the number, handle or PDQ hash
 * @param ads in how many ads it appears
 * @param otherContacts how many other phone numbers and handles its ads give (counted up to just
 *     over the limit)
 */
public record IgnoredContact(String kind, String value, int ads, int otherContacts) {

    /** Checks the fields. */
    public IgnoredContact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
