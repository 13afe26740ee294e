package kz.qorgau.server.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.qorgau.server.casework.SignalEvidence;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A payment alert's match on the case page in the reader's language: the summary, and one line per
 * fact of the alert, each rule's evidence said from its figures ({@link PaymentRuleText}).
 */
@Component
class PaymentEvidenceTexts extends EvidenceTexts {

    PaymentEvidenceTexts(MessageSource messages) {
        super(messages);
    }

    @Override
    public String source() {
        return PaymentIngestion.SOURCE;
    }

    @Override
    public @Nullable String summary(Map<String, Object> detail, Locale locale) {
        Object typology = detail.get("typology");
        Object score = detail.get("score");
        if (typology == null || !(score instanceof Number number)) {
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (Map<?, ?> m : maps(detail.get("matched"))) {
            String kind = label("sig.str.kind.", String.valueOf(m.get("kind")), locale);
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return messages.getMessage(
                "sig.payment.summary",
                new Object[] {
                    label("sig.str.typology.", typology.toString(), locale),
                    String.valueOf(Math.round(number.doubleValue() * 100) / 100.0),
                    String.join(", ", kinds)
                },
                locale);
    }

    @Override
    public List<SignalEvidence.Line> lines(Map<String, Object> detail, Locale locale) {
        List<SignalEvidence.Line> lines = new ArrayList<>();
        add(lines, "sig.str.account", detail.get("account"), locale);
        Object typology = detail.get("typology");
        if (typology != null) {
            lines.add(line("sig.str.typology", label("sig.str.typology.", typology.toString(), locale), locale));
        }
        add(lines, "sig.str.score", detail.get("score"), locale);
        String from = "";
        String to = "";
        if (detail.get("window") instanceof Map<?, ?> window) {
            from = String.valueOf(window.get("from"));
            to = String.valueOf(window.get("to"));
            lines.add(line("sig.str.window", from + " — " + to, locale));
        }
        PaymentRuleText text = new PaymentRuleText(messages, locale);
        Object currency = detail.get("currency");
        for (Map<?, ?> rule : maps(detail.get("rules"))) {
            String name = String.valueOf(rule.get("rule"));
            Object facts = rule.get("facts");
            JsonNode factsNode = facts instanceof Map<?, ?> ? Json.MAPPER.valueToTree(facts) : null;
            String evidence = String.valueOf(rule.get("evidence"));
            lines.add(new SignalEvidence.Line(
                    label("sig.str.rule.", name, locale) + " (" + rule.get("weight") + ")",
                    text.text(name, factsNode, currency == null ? null : currency.toString(), from, to, evidence)));
        }
        add(lines, "sig.str.linked", joined(detail.get("linked")), locale);
        add(lines, "sig.str.phones", joined(detail.get("phones")), locale);
        for (Map<?, ?> m : maps(detail.get("matched"))) {
            lines.add(line(
                    "sig.str.matched",
                    messages.getMessage(
                            "sig.str.grounds.item",
                            new Object[] {
                                label("sig.str.kind.", String.valueOf(m.get("kind")), locale),
                                String.valueOf(m.get("value")),
                                label("sig.str.as.", String.valueOf(m.get("as")), locale)
                            },
                            locale),
                    locale));
        }
        add(lines, "sig.str.rulesVersion", detail.get("rulesVersion"), locale);
        lines.add(line("sig.payment.noteLabel", messages.getMessage("sig.payment.note", null, locale), locale));
        return lines;
    }

    private SignalEvidence.Line line(String key, String value, Locale locale) {
        return new SignalEvidence.Line(messages.getMessage(key, null, key, locale), value);
    }

    private String label(String prefix, String code, Locale locale) {
        return messages.getMessage(prefix + code, null, code, locale);
    }

    private static @Nullable String joined(@Nullable Object value) {
        if (value instanceof List<?> list && !list.isEmpty()) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return null;
    }
}
