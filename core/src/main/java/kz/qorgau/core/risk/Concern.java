package kz.qorgau.core.risk;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The facts of a report that the risk model looks at.
 *
 * @param categories what the concern is about; at least one ({@link Category#OTHER} if nothing fits)
 * @param childAge the child's age in years (0 to 17), or null when unknown
 * @param flags facts that raise the risk
 */
public record Concern(Set<Category> categories, @Nullable Integer childAge, Set<ConcernFlag> flags) {

    /** Checks and copies the fields. */
    public Concern {
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(flags, "flags");
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a concern needs at least one category (use OTHER if none fits)");
        }
        if (childAge != null && (childAge < 0 || childAge > 17)) {
            throw new IllegalArgumentException("a child's age is 0 to 17, got " + childAge);
        }
        categories = Set.copyOf(EnumSet.copyOf(categories));
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** A concern of the given categories, age unknown, no flags. */
    public static Concern about(Category first, Category... more) {
        return new Concern(EnumSet.of(first, more), null, Set.of());
    }

    /** Whether the concern is about any of the categories. */
    public boolean isAbout(Category first, Category... more) {
        if (categories.contains(first)) {
            return true;
        }
        for (Category category : more) {
            if (categories.contains(category)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the child is known to be younger than the age. */
    public boolean childYoungerThan(int years) {
        return childAge != null && childAge < years;
    }
}
