package kz.qorgau.signals.tx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Many different people each send a small amount of about the same size, the way clients pay per
 * visit. Counts only person-to-person transfers (card sales to a merchant are not payers).
 */
final class ManySmallSimilarPayments implements TypologyRule {

    @Override
    public String name() {
        return ScreeningRules.Rules.MANY_PAYERS;
    }

    @Override
    public @Nullable RuleHit evaluate(WindowView w, EvaluationContext context) {
        ScreeningRules.ManyPayers settings = context.rules().manyPayers();
        if (w.inCount < settings.minDistinctPayers()) {
            return null;
        }
        boolean[] saturated = new boolean[1];
        int payers = w.distinctPayers(context.rules().limits().trackedCounterparties(), saturated);
        if (payers < settings.minDistinctPayers()) {
            return null;
        }
        double mean = (double) w.inSum / w.inCount;
        if (mean > settings.maxMeanAmountMinor()) {
            return null;
        }
        double variance = Math.max(0, w.inSumSquares / w.inCount - mean * mean);
        double cv = mean == 0 ? 0 : Math.sqrt(variance) / mean;
        if (cv > settings.maxCoefficientOfVariation()) {
            return null;
        }
        Money money = context.money();
        long meanMinor = Math.round(mean);
        String count = (saturated[0] ? "at least " : "") + payers;
        String evidence = count + " distinct payers sent " + w.inCount + " person-to-person transfers totalling "
                + money.format(w.inSum) + " between " + context.dates(w) + ": mean " + money.format(meanMinor)
                + ", coefficient of variation " + Money.round2(cv) + " (small and similar: mean at most "
                + money.format(settings.maxMeanAmountMinor()) + ", variation at most "
                + settings.maxCoefficientOfVariation() + ")";
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("distinctPayers", payers);
        facts.put("distinctPayersIsLowerBound", saturated[0]);
        facts.put("transfers", w.inCount);
        facts.put("total", money.major(w.inSum));
        facts.put("mean", money.major(meanMinor));
        facts.put("coefficientOfVariation", Money.round2(cv));
        return new RuleHit(name(), settings.weight(), evidence, facts);
    }
}
