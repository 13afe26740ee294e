package kz.qorgau.signals.tx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Most of the incoming money leaves again within hours, to very few accounts. "Forwarded" means an
 * outgoing transfer without a merchant category (to a person, not a purchase) that is covered by
 * money received within the horizon before it, matched first-in first-out.
 */
final class RapidPassThrough implements TypologyRule {

    @Override
    public String name() {
        return ScreeningRules.Rules.PASS_THROUGH;
    }

    @Override
    public @Nullable RuleHit evaluate(WindowView w, EvaluationContext context) {
        ScreeningRules.PassThrough settings = context.rules().passThrough();
        if (w.inCount < settings.minInflows() || w.inSum <= 0 || w.forwardedWithin <= 0) {
            return null;
        }
        double forwardedShare = (double) w.forwardedWithin / w.inSum;
        if (forwardedShare < settings.minForwardedShare() || w.forwardDays < settings.minForwardingDays()) {
            return null;
        }
        List<RecipientSlots.Share> recipients = w.recipients();
        int top = Math.min(settings.maxRecipients(), recipients.size());
        long topSum = 0;
        for (int i = 0; i < top; i++) {
            topSum += recipients.get(i).guaranteedAmount();
        }
        double recipientShare = (double) topSum / w.forwardedWithin;
        if (recipientShare < settings.minRecipientShare()) {
            return null;
        }
        Money money = context.money();
        double meanDelayHours = w.forwardedWithin == 0 ? 0 : w.forwardDelayWeighted / w.forwardedWithin / 3600.0;
        long horizonHours = settings.within().toHours();
        List<String> named = new ArrayList<>();
        List<Map<String, Object>> recipientFacts = new ArrayList<>();
        for (int i = 0; i < top; i++) {
            RecipientSlots.Share share = recipients.get(i);
            named.add(share.recipient() + " (" + money.format(share.guaranteedAmount()) + " in " + share.transfers()
                    + (share.transfers() == 1 ? " transfer)" : " transfers)"));
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("account", share.recipient());
            fact.put("amount", money.major(share.guaranteedAmount()));
            fact.put("transfers", share.transfers());
            recipientFacts.add(fact);
        }
        String evidence = "Received " + money.format(w.inSum) + " in " + w.inCount + " transfers between "
                + context.dates(w) + " and passed " + money.format(w.forwardedWithin) + " of it ("
                + Money.percent(forwardedShare) + ") on within " + horizonHours + " hours, on " + w.forwardDays
                + " different days, on average " + Money.round2(meanDelayHours) + " hours after it arrived; "
                + Money.percent(recipientShare) + " of that went to " + top
                + (top == 1 ? " account: " : " accounts: ") + String.join(", ", named)
                + (w.recipientsOverflowed() ? " (amounts are lower bounds)" : "");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("inflow", money.major(w.inSum));
        facts.put("inflowTransfers", w.inCount);
        facts.put("forwardedWithinHorizon", money.major(w.forwardedWithin));
        facts.put("forwardedShare", Money.round2(forwardedShare));
        facts.put("horizonHours", horizonHours);
        facts.put("forwardingDays", w.forwardDays);
        facts.put("meanDelayHours", Money.round2(meanDelayHours));
        facts.put("forwardedTotal", money.major(w.forwardSum));
        facts.put("shareToTopRecipients", Money.round2(recipientShare));
        facts.put("recipients", recipientFacts);
        return new RuleHit(name(), settings.weight(), evidence, facts);
    }
}
