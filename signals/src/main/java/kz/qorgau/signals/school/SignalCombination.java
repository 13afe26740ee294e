package kz.qorgau.signals.school;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines one student's signals into a score: a noisy-OR over families of kinds, with diminishing
 * returns within a kind (repeats) and within a family (kinds that tend to come together, such as
 * the attendance patterns). So two independent kinds of evidence score higher than many of one kind.
 *
 * @param score the combined score in [0, 1]
 * @param signals the signals with their contributions set, largest first
 */
record SignalCombination(double score, List<Signal> signals) {

    static SignalCombination of(List<Signal> signals, SchoolSignalsConfig config) {
        Map<String, String> familyOf = new HashMap<>();
        config.families().forEach((family, kinds) -> kinds.forEach(kind -> familyOf.put(kind, family)));
        Map<String, List<Signal>> byFamily = new HashMap<>();
        for (Signal signal : signals) {
            String family = familyOf.getOrDefault(signal.kind(), signal.kind());
            byFamily.computeIfAbsent(family, f -> new ArrayList<>()).add(signal);
        }
        List<Signal> scored = new ArrayList<>();
        double miss = 1;
        for (var family : byFamily.entrySet()) {
            double decay = config.familyDecay().getOrDefault(family.getKey(), 1.0);
            List<Signal> members = new ArrayList<>();
            for (Signal signal : family.getValue()) {
                members.add(signal.withContribution(ofKind(signal, config)));
            }
            members.sort(Comparator.comparingDouble(Signal::contribution).reversed());
            double factor = 1;
            for (Signal member : members) {
                Signal contributed = member.withContribution(member.contribution() * factor);
                miss *= 1 - contributed.contribution();
                scored.add(contributed);
                factor *= decay;
            }
        }
        scored.sort(Comparator.comparingDouble(Signal::contribution).reversed().thenComparing(Signal::kind));
        return new SignalCombination(1 - miss, scored);
    }

    /** One kind's probability: repeats of an observation count with the configured repeat decay. */
    private static double ofKind(Signal signal, SchoolSignalsConfig config) {
        double weight = config.weight(signal.kind()) * signal.strength();
        int occurrences = signal.evidence() instanceof Evidence.Observed observed
                ? observed.observations().size()
                : 1;
        double miss = 1;
        double factor = 1;
        for (int i = 0; i < occurrences && factor > 1e-6; i++) {
            miss *= 1 - weight * factor;
            factor *= config.repeatDecay();
        }
        return 1 - miss;
    }
}
