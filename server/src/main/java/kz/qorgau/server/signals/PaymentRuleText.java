package kz.qorgau.server.signals;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/**
 * A payment rule's evidence in the reader's language: the sentence frame from the message bundles
 * ({@code sig.payment.text.RULE}), the figures from the facts the screening library stored with the
 * rule. The library's own sentence (English) is the fallback, for a rule this version does not know
 * and for alerts stored before their amounts carried a currency.
 */
public final class PaymentRuleText {

    private static final String PREFIX = "sig.payment.text.";

    private final MessageSource messages;
    private final Locale locale;

    public PaymentRuleText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Thrown inside when a fact the sentence needs is missing: the English sentence is used. */
    private static final class MissingFact extends RuntimeException {
        MissingFact(String name) {
            super(name, null, false, false);
        }
    }

    /**
     * The sentence.
     *
     * @param facts the rule's facts as stored ({@code AlertJson}), or {@code null}
     * @param currency the alert's currency, or {@code null} for alerts stored without one
     * @param windowFrom the alert window's start (ISO date-time), the first day of the figures
     * @param windowTo the alert window's end (exclusive, ISO date-time)
     * @param fallback the library's sentence
     */
    public String text(
            String rule,
            @Nullable JsonNode facts,
            @Nullable String currency,
            String windowFrom,
            String windowTo,
            String fallback) {
        if (facts == null || !facts.isObject() || currency == null) {
            return fallback;
        }
        String from = day(windowFrom);
        String to = lastDay(windowTo);
        try {
            Object[] args = switch (rule) {
                case "rapid-pass-through" -> {
                    List<String> recipients = new ArrayList<>();
                    for (JsonNode r : list(facts, "recipients")) {
                        recipients.add(format(
                                "recipient",
                                string(r, "account"),
                                money(r, "amount", currency),
                                integer(r, "transfers")));
                    }
                    yield new Object[] {
                        money(facts, "inflow", currency),
                        integer(facts, "inflowTransfers"),
                        from,
                        to,
                        money(facts, "forwardedWithinHorizon", currency),
                        percent(facts, "forwardedShare"),
                        integer(facts, "horizonHours"),
                        integer(facts, "forwardingDays"),
                        decimal(facts, "meanDelayHours"),
                        percent(facts, "shareToTopRecipients"),
                        String.join("; ", recipients)
                    };
                }
                case "many-small-similar-payments" ->
                    new Object[] {
                        (facts.path("distinctPayersIsLowerBound").asBoolean(false) ? "≥ " : "")
                                + integer(facts, "distinctPayers"),
                        integer(facts, "transfers"),
                        money(facts, "total", currency),
                        from,
                        to,
                        money(facts, "mean", currency),
                        decimal(facts, "coefficientOfVariation")
                    };
                case "night-or-weekend-inflow" ->
                    new Object[] {
                        integer(facts, "atNight"),
                        integer(facts, "transfers"),
                        percent(facts, "nightShare"),
                        integer(facts, "atWeekends"),
                        percent(facts, "weekendShare"),
                        from,
                        to
                    };
                case "no-living-costs" ->
                    new Object[] {
                        money(facts, "inflow", currency),
                        money(facts, "outflow", currency),
                        from,
                        to,
                        money(facts, "toPersons", currency),
                        money(facts, "toMerchants", currency),
                        integer(facts, "livingCostPayments"),
                        joined(facts, "merchantCategories")
                    };
                case "young-holder-high-volume" ->
                    new Object[] {
                        integer(facts, "age"),
                        string(facts, "birthDate"),
                        money(facts, "inflow", currency),
                        from,
                        to,
                        decimal(facts, "ratioToPeerMedian"),
                        integer(facts, "peers"),
                        ages(string(facts, "peerAges")),
                        money(facts, "peerMedian", currency)
                    };
                case "lodging-in-several-cities" ->
                    new Object[] {
                        integer(facts, "payments"),
                        money(facts, "total", currency),
                        String.valueOf(list(facts, "cities").size()),
                        joined(facts, "cities"),
                        from,
                        to
                    };
                case "memo-keywords" -> new Object[] {integer(facts, "memos"), from, to, joined(facts, "keywords")};
                case "collector" -> {
                    List<String> feeders = new ArrayList<>();
                    for (JsonNode f : list(facts, "from")) {
                        feeders.add(feeder(f, currency));
                    }
                    yield new Object[] {
                        money(facts, "received", currency),
                        integer(facts, "transfers"),
                        integer(facts, "feeders"),
                        String.join("; ", feeders)
                    };
                }
                case "controller" -> new Object[] {feeder(facts, currency)};
                default -> null;
            };
            if (args == null) {
                return fallback;
            }
            String sentence = format(rule, args);
            if (facts.has("pooledAccounts")) {
                sentence = format("pooled", joined(facts, "pooledAccounts"), money(facts, "movedBetweenThem", currency))
                        + " " + sentence;
            }
            return sentence;
        } catch (MissingFact e) {
            return fallback;
        }
    }

    private String feeder(JsonNode f, String currency) {
        return format(
                "feeder",
                string(f, "account"),
                money(f, "amount", currency),
                integer(f, "transfers"),
                day(string(f, "first")),
                day(string(f, "last")),
                percent(f, "shareOfItsForwarding"));
    }

    private String format(String key, Object... args) {
        return messages.getMessage(PREFIX + key, args, locale);
    }

    private static JsonNode node(JsonNode facts, String name) {
        JsonNode value = facts.get(name);
        if (value == null || value.isNull()) {
            throw new MissingFact(name);
        }
        return value;
    }

    private static String string(JsonNode facts, String name) {
        return node(facts, name).asString();
    }

    private String integer(JsonNode facts, String name) {
        JsonNode value = node(facts, name);
        if (!value.isNumber()) {
            throw new MissingFact(name);
        }
        return NumberFormat.getIntegerInstance(locale).format(value.asLong());
    }

    private String decimal(JsonNode facts, String name) {
        JsonNode value = node(facts, name);
        if (!value.isNumber()) {
            throw new MissingFact(name);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value.asDouble());
    }

    private static String percent(JsonNode facts, String name) {
        JsonNode value = node(facts, name);
        if (!value.isNumber()) {
            throw new MissingFact(name);
        }
        return Math.round(value.asDouble() * 100) + "%";
    }

    private String money(JsonNode facts, String name, String currency) {
        JsonNode value = node(facts, name);
        if (!value.isNumber()) {
            throw new MissingFact(name);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        BigDecimal amount = value.decimalValue();
        return format.format(amount) + " " + currency;
    }

    private static List<JsonNode> list(JsonNode facts, String name) {
        JsonNode value = node(facts, name);
        if (!value.isArray()) {
            throw new MissingFact(name);
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }

    private static String joined(JsonNode facts, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : list(facts, name)) {
            out.add(item.asString());
        }
        return out.isEmpty() ? "—" : String.join(", ", out);
    }

    /** {@code 15-17} as 15–17, {@code 17-17} as 17. */
    private static String ages(String band) {
        String[] parts = band.split("-", 2);
        return parts.length == 2 && parts[0].equals(parts[1]) ? parts[0] : band.replace('-', '–');
    }

    private static String day(String dateTime) {
        return dateTime.length() >= 10 ? dateTime.substring(0, 10) : dateTime;
    }

    /** The last day of a window that ends (exclusive) at midnight: the day before. */
    private static String lastDay(String windowTo) {
        try {
            return java.time.OffsetDateTime.parse(windowTo)
                    .minusSeconds(1)
                    .toLocalDate()
                    .toString();
        } catch (java.time.format.DateTimeParseException e) {
            return day(windowTo);
        }
    }
}
