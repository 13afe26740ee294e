package kz.qorgau.core.escalation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.TimeLimit;

/**
 * One escalation ladder per type of organisation.
 *
 * <p>The defaults follow the lines of supervision in Kazakhstan: a school answers to the district
 * education department, an inspector for minors to the regional police department, and the
 * prosecutor's office supervises the legality of every state body's work; the Commissioner for
 * Children's Rights is the top of every ladder. Each receiving body has 1 working day to acknowledge
 * and a few working days to see the first protective action taken (the case is already late when it
 * arrives); for critical cases the policy's clock hours apply.
 */
public final class EscalationLadders {

    private static final EscalationStep DISTRICT_EDUCATION = step(OrganisationType.DISTRICT_EDUCATION, 1, 3);
    private static final EscalationStep REGIONAL_POLICE = step(OrganisationType.REGIONAL_POLICE, 1, 2);
    private static final EscalationStep PROSECUTOR = step(OrganisationType.PROSECUTOR, 1, 3);
    private static final EscalationStep COMMISSIONER = step(OrganisationType.COMMISSIONER, 1, 5);

    private static final EscalationLadders CURRENT = new EscalationLadders(List.of(
            new EscalationLadder(OrganisationType.SCHOOL, List.of(DISTRICT_EDUCATION, COMMISSIONER)),
            new EscalationLadder(OrganisationType.DISTRICT_EDUCATION, List.of(COMMISSIONER)),
            new EscalationLadder(OrganisationType.JUVENILE_POLICE, List.of(REGIONAL_POLICE, PROSECUTOR, COMMISSIONER)),
            new EscalationLadder(OrganisationType.REGIONAL_POLICE, List.of(PROSECUTOR, COMMISSIONER)),
            new EscalationLadder(OrganisationType.PROSECUTOR, List.of(COMMISSIONER)),
            new EscalationLadder(OrganisationType.SOCIAL_SERVICES, List.of(PROSECUTOR, COMMISSIONER)),
            new EscalationLadder(OrganisationType.HEALTH, List.of(PROSECUTOR, COMMISSIONER)),
            new EscalationLadder(OrganisationType.NGO, List.of(COMMISSIONER)),
            new EscalationLadder(OrganisationType.HELPLINE, List.of(COMMISSIONER)),
            new EscalationLadder(OrganisationType.COMMISSIONER, List.of())));

    private final Map<OrganisationType, EscalationLadder> ladders;

    private EscalationLadders(List<EscalationLadder> ladders) {
        Map<OrganisationType, EscalationLadder> map = new EnumMap<>(OrganisationType.class);
        for (EscalationLadder ladder : ladders) {
            if (map.put(ladder.origin(), ladder) != null) {
                throw new IllegalArgumentException(
                        "two escalation ladders start at " + ladder.origin().code());
            }
        }
        List<String> missing = new ArrayList<>();
        for (OrganisationType type : OrganisationType.values()) {
            if (!map.containsKey(type)) {
                missing.add(type.code());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no escalation ladder for " + String.join(", ", missing)
                    + "; give each organisation type a ladder (an empty one makes it a top)");
        }
        this.ladders = map;
    }

    /** The defaults (see the class documentation). */
    public static EscalationLadders current() {
        return CURRENT;
    }

    /**
     * Ladders from values.
     *
     * @throws IllegalArgumentException when a type has no ladder or two
     */
    public static EscalationLadders of(List<EscalationLadder> ladders) {
        return new EscalationLadders(ladders);
    }

    /**
     * Ladders from plain settings (see {@link EscalationLadder.Settings}).
     *
     * @throws IllegalArgumentException naming the ladder and setting at fault
     */
    public static EscalationLadders fromSettings(List<EscalationLadder.Settings> settings) {
        return of(settings.stream().map(EscalationLadder.Settings::toLadder).toList());
    }

    /** The ladder of an organisation type. */
    public EscalationLadder ladderFor(OrganisationType origin) {
        return ladders.get(origin);
    }

    /** Every ladder, in the order of {@link OrganisationType}. */
    public List<EscalationLadder> all() {
        return List.copyOf(ladders.values());
    }

    private static EscalationStep step(OrganisationType receiver, int acknowledgeDays, int actDays) {
        return new EscalationStep(receiver, TimeLimit.workingDays(acknowledgeDays), TimeLimit.workingDays(actDays));
    }
}
