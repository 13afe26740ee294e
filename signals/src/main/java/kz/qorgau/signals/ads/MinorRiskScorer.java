package kz.qorgau.signals.ads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qorgau.signals.identifiers.AgeMention;
import kz.qorgau.signals.identifiers.Identifiers;
import kz.qorgau.signals.text.NormalizedText;
import kz.qorgau.signals.text.PhraseMatch;
import kz.qorgau.signals.text.TextSpan;

/** Applies an {@link IndicatorSet} to one normalised ad. Stateless; thread-safe. */
final class MinorRiskScorer {

    /** Scores are compared with the threshold with this tolerance, so that 0.5 reaches 0.5. */
    private static final double EPSILON = 1e-9;

    private final IndicatorSet indicators;

    MinorRiskScorer(IndicatorSet indicators) {
        this.indicators = indicators;
    }

    MinorRisk score(NormalizedText text, Identifiers identifiers) {
        AdContext context = context(text, identifiers);

        // Rows that matched, before conditions: conditions refer to these.
        Map<IndicatorSet.IndicatorRow, List<TextSpan>> matchedRows = new LinkedHashMap<>();
        for (PhraseMatch<IndicatorSet.IndicatorRow> m :
                indicators.phraseMatcher().findAll(text)) {
            matchedRows.computeIfAbsent(m.payload(), r -> new ArrayList<>()).add(m.evidence());
        }
        for (IndicatorSet.IndicatorRow row : indicators.ageRows()) {
            for (AgeMention age : identifiers.ages()) {
                if (age.age() >= row.minAge() && age.age() <= row.maxAge()) {
                    matchedRows.computeIfAbsent(row, r -> new ArrayList<>()).add(age.evidence());
                }
            }
        }
        Set<String> matchedRules = new HashSet<>();
        matchedRows.keySet().forEach(row -> matchedRules.add(row.rule()));

        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, List<TextSpan>> evidence = new LinkedHashMap<>();
        matchedRows.forEach((row, spans) -> {
            if (row.requires().holds(matchedRules) && row.weight() > 0) {
                weights.merge(row.rule(), row.weight(), Math::max);
                evidence.computeIfAbsent(row.rule(), r -> new ArrayList<>()).addAll(spans);
            }
        });
        List<Reason> reasons = new ArrayList<>();
        weights.forEach((rule, weight) -> reasons.add(new Reason(rule, weight, inOrder(evidence.get(rule)))));
        reasons.sort(Comparator.comparingDouble(Reason::weight).reversed().thenComparing(Reason::rule));

        if (!context.companionship()) {
            return new MinorRisk(0, false, List.of(), context, reasons, indicators.version());
        }
        double keep = 1;
        for (Reason r : reasons) {
            keep *= 1 - r.weight();
        }
        double score = Math.min(1, Math.max(0, 1 - keep));
        boolean flag = score + EPSILON >= indicators.flagThreshold();
        return new MinorRisk(score, flag, reasons, context, List.of(), indicators.version());
    }

    private AdContext context(NormalizedText text, Identifiers identifiers) {
        Map<IndicatorSet.ContextRow, List<TextSpan>> rows = new LinkedHashMap<>();
        for (PhraseMatch<IndicatorSet.ContextRow> m :
                indicators.contextMatcher().findAll(text)) {
            rows.computeIfAbsent(m.payload(), r -> new ArrayList<>()).add(m.evidence());
        }
        if (!identifiers.ages().isEmpty()) {
            for (IndicatorSet.ContextRow row : indicators.statedAgeContext()) {
                rows.put(
                        row,
                        identifiers.ages().stream().map(AgeMention::evidence).toList());
            }
        }
        double total = 0;
        Map<String, Double> byRule = new LinkedHashMap<>();
        Map<String, List<TextSpan>> evidence = new LinkedHashMap<>();
        for (var e : rows.entrySet()) {
            total += e.getKey().weight();
            byRule.merge(e.getKey().rule(), e.getKey().weight(), Double::sum);
            evidence.computeIfAbsent(e.getKey().rule(), r -> new ArrayList<>()).addAll(e.getValue());
        }
        List<Reason> reasons = new ArrayList<>();
        byRule.forEach((rule, weight) -> reasons.add(new Reason(rule, weight, inOrder(evidence.get(rule)))));
        boolean companionship = total + EPSILON >= indicators.contextThreshold();
        return new AdContext(companionship, total, reasons);
    }

    /** The spans in order, overlapping ones (rows of one rule matching the same words) merged. */
    private static List<TextSpan> inOrder(List<TextSpan> spans) {
        List<TextSpan> sorted = spans.stream()
                .distinct()
                .sorted(Comparator.comparingInt(TextSpan::start).thenComparingInt(TextSpan::end))
                .toList();
        List<TextSpan> out = new ArrayList<>(sorted.size());
        for (TextSpan span : sorted) {
            TextSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || span.start() >= last.end()) {
                out.add(span);
            } else if (span.end() > last.end()) {
                // Both quote the same text, so the union is the first quote and the rest of the second.
                String quote = last.quote() + span.quote().substring(last.end() - span.start());
                out.set(out.size() - 1, new TextSpan(last.start(), span.end(), quote));
            }
        }
        return out;
    }
}
