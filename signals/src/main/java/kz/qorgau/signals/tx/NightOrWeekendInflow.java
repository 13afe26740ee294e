package kz.qorgau.signals.tx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Person-to-person money arrives mostly at night or at weekends, judged in the local time (UTC
 * offset) recorded with each transaction.
 */
final class NightOrWeekendInflow implements TypologyRule {

    @Override
    public String name() {
        return ScreeningRules.Rules.NIGHT_OR_WEEKEND;
    }

    @Override
    public @Nullable RuleHit evaluate(WindowView w, EvaluationContext context) {
        ScreeningRules.NightOrWeekend settings = context.rules().nightOrWeekend();
        if (w.inCount < settings.minInflows()) {
            return null;
        }
        double night = (double) w.inNight / w.inCount;
        double weekend = (double) w.inWeekend / w.inCount;
        boolean atNight = night >= settings.minNightShare();
        boolean atWeekend = weekend >= settings.minWeekendShare();
        if (!atNight && !atWeekend) {
            return null;
        }
        String hours = String.format(
                java.util.Locale.ROOT, "%02d:00 and %02d:00", settings.nightFromHour(), settings.nightToHour());
        String evidence = w.inNight + " of " + w.inCount + " incoming person-to-person transfers ("
                + Money.percent(night) + ") arrived between " + hours + " local time, and " + w.inWeekend + " ("
                + Money.percent(weekend) + ") on Saturdays or Sundays, between " + context.dates(w)
                + " (thresholds: " + Money.percent(settings.minNightShare()) + " at night or "
                + Money.percent(settings.minWeekendShare()) + " at weekends)";
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("transfers", w.inCount);
        facts.put("atNight", w.inNight);
        facts.put("nightShare", Money.round2(night));
        facts.put("atWeekends", w.inWeekend);
        facts.put("weekendShare", Money.round2(weekend));
        return new RuleHit(name(), settings.weight(), evidence, facts);
    }
}
