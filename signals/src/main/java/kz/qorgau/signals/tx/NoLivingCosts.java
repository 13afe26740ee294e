package kz.qorgau.signals.tx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Money comes in and goes out, but none of it pays for ordinary living costs (the merchant
 * categories in {@code mcc-living-costs.txt}). An account that only saves is not judged: the rule
 * needs most of the inflow to have been spent or passed on.
 */
final class NoLivingCosts implements TypologyRule {

    @Override
    public String name() {
        return ScreeningRules.Rules.NO_LIVING_COSTS;
    }

    @Override
    public @Nullable RuleHit evaluate(WindowView w, EvaluationContext context) {
        ScreeningRules.NoLivingCosts settings = context.rules().noLivingCosts();
        if (w.inCount < settings.minInflows() || w.inSum < settings.minInflowAmountMinor()) {
            return null;
        }
        double outShare = (double) w.outSum / w.inSum;
        if (outShare < settings.minOutflowShare() || w.livingCount > settings.maxLivingCostPayments()) {
            return null;
        }
        Money money = context.money();
        List<String> categories = new ArrayList<>();
        w.merchantCategories()
                .forEach((mcc, count) -> categories.add(
                        (mcc < 0 ? "other" : String.format(java.util.Locale.ROOT, "%04d", mcc)) + " ×" + count));
        String evidence = "Received " + money.format(w.inSum) + " and paid out " + money.format(w.outSum) + " ("
                + Money.percent(outShare) + ") between " + context.dates(w) + ": " + money.format(w.forwardSum)
                + " to persons, " + money.format(w.merchantSum) + " to merchants"
                + (categories.isEmpty() ? "" : " (merchant categories " + String.join(", ", categories) + ")")
                + "; " + w.livingCount
                + " payments for groceries, utilities, public transport, fuel, pharmacy or telephone";
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("inflow", money.major(w.inSum));
        facts.put("outflow", money.major(w.outSum));
        facts.put("toPersons", money.major(w.forwardSum));
        facts.put("toMerchants", money.major(w.merchantSum));
        facts.put("merchantCategories", categories);
        facts.put("livingCostPayments", w.livingCount);
        return new RuleHit(name(), settings.weight(), evidence, facts);
    }
}
