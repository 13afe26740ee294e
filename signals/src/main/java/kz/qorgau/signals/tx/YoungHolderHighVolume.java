package kz.qorgau.signals.tx;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The holder is a minor (birth date from the accounts file) and receives far more than holders of
 * about the same age: the median inflow of the narrowest age band with enough active peers.
 */
final class YoungHolderHighVolume implements TypologyRule {

    @Override
    public String name() {
        return ScreeningRules.Rules.YOUNG_HOLDER;
    }

    @Override
    public @Nullable RuleHit evaluate(WindowView w, EvaluationContext context) {
        ScreeningRules.YoungHolder settings = context.rules().youngHolder();
        AccountProfile profile = w.profile();
        if (profile == null || w.inSum < settings.minVolumeMinor()) {
            return null;
        }
        LocalDate birth = profile.holderBirthDate();
        int age = profile.ageOn(w.lastDay);
        if (birth == null || age < 0 || age > settings.maxAge()) {
            return null;
        }
        PeerVolumes.Peers peers = context.peers().of(age);
        if (peers == null) {
            return null;
        }
        double ratio = (double) w.inSum / Math.max(1, peers.median());
        if (ratio < settings.minRatioToPeerMedian()) {
            return null;
        }
        Money money = context.money();
        String band = peers.fromAge() == peers.toAge()
                ? "aged " + peers.fromAge()
                : "aged " + peers.fromAge() + "–" + peers.toAge();
        String evidence = "The holder is " + age + " (born " + birth + ") and received " + money.format(w.inSum)
                + " between " + context.dates(w) + ": " + Money.round2(ratio) + " times the median of "
                + peers.count() + " active holders " + band + " (" + money.format(peers.median()) + ")";
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("age", age);
        facts.put("birthDate", birth.toString());
        facts.put("inflow", money.major(w.inSum));
        facts.put("peerMedian", money.major(peers.median()));
        facts.put("peers", peers.count());
        facts.put("peerAges", peers.fromAge() + "-" + peers.toAge());
        facts.put("ratioToPeerMedian", Money.round2(ratio));
        return new RuleHit(name(), settings.weight(), evidence, facts);
    }
}
