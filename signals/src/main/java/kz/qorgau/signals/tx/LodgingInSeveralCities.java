package kz.qorgau.signals.tx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Payments to hotels, saunas and short-term lodging (merchant categories) in several cities. */
final class LodgingInSeveralCities implements TypologyRule {

    @Override
    public String name() {
        return ScreeningRules.Rules.LODGING;
    }

    @Override
    public @Nullable RuleHit evaluate(WindowView w, EvaluationContext context) {
        ScreeningRules.Lodging settings = context.rules().lodging();
        if (w.lodgingCount < settings.minPayments()) {
            return null;
        }
        List<String> cities = w.lodgingCities();
        if (cities.size() < settings.minCities()) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        w.merchantCategories().forEach((mcc, count) -> {
            if (context.rules().lodgingCategories().contains(mcc)) {
                codes.add(String.format(java.util.Locale.ROOT, "%04d", mcc) + " ×" + count);
            }
        });
        Money money = context.money();
        String evidence = w.lodgingCount + " payments totalling " + money.format(w.lodgingSum)
                + " to hotels, saunas or short-term lodging"
                + (codes.isEmpty() ? "" : " (merchant categories " + String.join(", ", codes) + ")") + " in "
                + cities.size() + " cities (" + String.join(", ", cities) + ") between " + context.dates(w);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("payments", w.lodgingCount);
        facts.put("total", money.major(w.lodgingSum));
        facts.put("cities", cities);
        facts.put("merchantCategories", codes);
        return new RuleHit(name(), settings.weight(), evidence, facts);
    }
}
