package kz.qorgau.core.policy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kz.qorgau.core.calendar.WorkingCalendar;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * A named rule for how long an organisation has for each step of a referral at a risk level.
 *
 * @param name a stable name, e.g. {@code critical}
 * @param risk the risk level the policy is for
 * @param categories the categories it is for; empty means every category (each risk level needs one
 *     such catch-all policy)
 * @param acknowledge the time to acknowledge a referral
 * @param firstProtectiveAction the time to the first protective action
 * @param outcome the time to record the outcome
 * @param redirectWithin the time within which a body that is not competent may redirect the
 *     referral; afterwards it must handle it
 * @param tellAtOnce who is told as soon as a case is at this level
 * @param source where the numbers come from (law, design decision), shown to administrators
 */
public record DeadlinePolicy(
        String name,
        RiskLevel risk,
        Set<Category> categories,
        TimeLimit acknowledge,
        TimeLimit firstProtectiveAction,
        TimeLimit outcome,
        TimeLimit redirectWithin,
        Set<ImmediateNotice> tellAtOnce,
        String source) {

    /** Checks and copies the fields. */
    public DeadlinePolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(acknowledge, "acknowledge");
        Objects.requireNonNull(firstProtectiveAction, "firstProtectiveAction");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(redirectWithin, "redirectWithin");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a deadline policy needs a name");
        }
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        tellAtOnce = tellAtOnce.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tellAtOnce));
    }

    /** Whether the policy is for this risk level and (one of) these categories. */
    public boolean appliesTo(RiskLevel level, Set<Category> concernCategories) {
        return risk == level
                && (categories.isEmpty() || concernCategories.stream().anyMatch(categories::contains));
    }

    /** The time limit of a step. */
    public TimeLimit limitOf(RequiredStep step) {
        return switch (step) {
            case ACKNOWLEDGE -> acknowledge;
            case FIRST_PROTECTIVE_ACTION -> firstProtectiveAction;
            case OUTCOME -> outcome;
        };
    }

    /**
     * When each step falls due for a referral made at {@code start}.
     *
     * @throws kz.qorgau.core.calendar.NoCalendarDataException when a count reaches a year with no data
     */
    public DueTimes dueTimes(Instant start, WorkingCalendar calendar) {
        return new DueTimes(
                acknowledge.from(start, calendar),
                firstProtectiveAction.from(start, calendar),
                outcome.from(start, calendar),
                redirectWithin.from(start, calendar));
    }

    /**
     * A deadline policy as plain strings, as configuration files give it (Spring binds its properties to
     * this record). Risk, categories and notices are codes ({@code high}, {@code sexual-exploitation},
     * {@code police}); limits are {@code NWD} or ISO-8601 durations.
     *
     * @param name the policy's name
     * @param risk {@code critical}, {@code high} or {@code standard}
     * @param categories category codes; null or empty for every category
     * @param acknowledge e.g. {@code PT1H} or {@code 1WD}
     * @param firstProtectiveAction e.g. {@code PT24H} or {@code 3WD}
     * @param outcome e.g. {@code 30WD}
     * @param redirectWithin e.g. {@code 3WD}
     * @param tellAtOnce notice codes; null or empty for none
     * @param source where the numbers come from; null for none
     */
    public record Settings(
            String name,
            String risk,
            @Nullable List<String> categories,
            String acknowledge,
            String firstProtectiveAction,
            String outcome,
            String redirectWithin,
            @Nullable List<String> tellAtOnce,
            @Nullable String source) {

        /**
         * The policy these settings describe.
         *
         * @throws IllegalArgumentException naming the policy and the setting at fault
         */
        public DeadlinePolicy toPolicy() {
            String where = "deadline policy '" + name + "': ";
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a deadline policy needs a name");
            }
            RiskLevel level = RiskLevel.fromCode(required(where, "risk", risk))
                    .orElseThrow(() -> new IllegalArgumentException(
                            where + "risk '" + risk + "' is not one of critical, high, standard"));
            Set<Category> categorySet = EnumSet.noneOf(Category.class);
            for (String code : categories == null ? List.<String>of() : categories) {
                categorySet.add(Category.fromCode(code)
                        .orElseThrow(() -> new IllegalArgumentException(where + "unknown category '" + code + "'")));
            }
            Set<ImmediateNotice> notices = EnumSet.noneOf(ImmediateNotice.class);
            for (String code : tellAtOnce == null ? List.<String>of() : tellAtOnce) {
                notices.add(ImmediateNotice.fromCode(code)
                        .orElseThrow(() -> new IllegalArgumentException(
                                where + "unknown notice '" + code + "' (police or oversight)")));
            }
            return new DeadlinePolicy(
                    name,
                    level,
                    categorySet,
                    limit(where, "acknowledge", acknowledge),
                    limit(where, "first-protective-action", firstProtectiveAction),
                    limit(where, "outcome", outcome),
                    limit(where, "redirect-within", redirectWithin),
                    notices,
                    source == null ? "" : source);
        }

        private static String required(String where, String field, @Nullable String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(where + field + " is missing");
            }
            return value;
        }

        private static TimeLimit limit(String where, String field, @Nullable String value) {
            try {
                return TimeLimit.parse(required(where, field, value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + field + ": " + e.getMessage(), e);
            }
        }
    }

    /** This policy as plain settings, the inverse of {@link Settings#toPolicy()}. */
    public Settings toSettings() {
        return new Settings(
                name,
                risk.code(),
                categories.stream().sorted().map(Category::code).toList(),
                acknowledge.code(),
                firstProtectiveAction.code(),
                outcome.code(),
                redirectWithin.code(),
                tellAtOnce.stream().sorted().map(ImmediateNotice::code).toList(),
                source);
    }
}
