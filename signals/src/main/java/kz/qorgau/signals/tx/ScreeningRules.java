package kz.qorgau.signals.tx;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned rule configuration: thresholds and weights of every typology rule, the window, the
 * alert threshold, the memo keyword list and the merchant category lists. The defaults ship as
 * resources ({@code tx-rules.json}, {@code memo-keywords.txt}, {@code mcc-living-costs.txt},
 * {@code mcc-lodging.txt} under {@code kz/qorgau/signals/tx/}); a file given by the operator is laid
 * over the defaults, so it may change only a few thresholds.
 */
public final class ScreeningRules {

    private static final String RESOURCES = "/kz/qorgau/signals/tx/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String version;
    private final Currency referenceCurrency;
    private final Map<Currency, BigDecimal> rates;
    private final WindowSettings window;
    private final AlertSettings alert;
    private final ReorderSettings reorder;
    private final Limits limits;
    private final LinkedAccountsSettings linkedAccounts;
    private final ManyPayers manyPayers;
    private final NightOrWeekend nightOrWeekend;
    private final PassThrough passThrough;
    private final NoLivingCosts noLivingCosts;
    private final YoungHolder youngHolder;
    private final Lodging lodging;
    private final Memo memo;
    private final CollectorSettings collector;
    private final ControllerSettings controller;
    private final MemoKeywords memoKeywords;
    private final MerchantCategories livingCosts;
    private final MerchantCategories lodgingCategories;
    private final ObjectNode tree;

    /** The window: {@code panes} consecutive panes of {@code pane} each, re-evaluated every pane. */
    record WindowSettings(Duration pane, int panes, ZoneOffset reportingOffset) {}

    record AlertSettings(double minScore, int minRules) {}

    record ReorderSettings(Duration maxLateness, int maxBuffered) {}

    record Limits(int trackedCounterparties, int recipientSlots, int recentInflowSlots, int maxFeeders) {}

    /**
     * Accounts sharing a holder's phone number are pooled when there are at most {@code maxAccounts}
     * of them.
     */
    record LinkedAccountsSettings(int maxAccounts) {}

    record ManyPayers(
            double weight, int minDistinctPayers, long maxMeanAmountMinor, double maxCoefficientOfVariation) {}

    record NightOrWeekend(
            double weight,
            int minInflows,
            int nightFromHour,
            int nightToHour,
            double minNightShare,
            double minWeekendShare) {}

    record PassThrough(
            double weight,
            int minInflows,
            Duration within,
            double minForwardedShare,
            int minForwardingDays,
            int maxRecipients,
            double minRecipientShare) {}

    record NoLivingCosts(
            double weight,
            int minInflows,
            long minInflowAmountMinor,
            double minOutflowShare,
            int maxLivingCostPayments) {}

    record YoungHolder(
            double weight,
            int maxAge,
            int minPeers,
            int maxPeerBand,
            double minRatioToPeerMedian,
            long minVolumeMinor) {}

    record Lodging(double weight, int minPayments, int minCities) {}

    record Memo(double weight, int minMatches) {}

    record CollectorSettings(
            double weight,
            int minFeeders,
            double extraFeederWeight,
            double minShareOfFeederForwarding,
            double feederMinScore) {}

    record ControllerSettings(double weight, double minShareOfFeederForwarding) {}

    private ScreeningRules(
            ObjectNode tree,
            MemoKeywords memoKeywords,
            MerchantCategories livingCosts,
            MerchantCategories lodgingCategories) {
        this.tree = tree;
        this.memoKeywords = memoKeywords;
        this.livingCosts = livingCosts;
        this.lodgingCategories = lodgingCategories;
        Fields root = new Fields(tree, "");
        this.version = root.text("version");
        this.referenceCurrency = root.currency("referenceCurrency");
        this.rates = rates(root.object("approximateRates"), referenceCurrency);
        Fields w = root.object("window");
        Duration pane = w.period("pane");
        this.window = new WindowSettings(pane, w.integer("panes", 1, 12), w.offset("reportingOffset"));
        if (pane.compareTo(Duration.ofHours(1)) < 0 || pane.toSeconds() % 3600 != 0) {
            throw new IllegalArgumentException(
                    "window.pane must be a whole number of hours, at least one, was " + pane);
        }
        if (pane.compareTo(Duration.ofDays(62)) > 0) {
            // A pane notes the days money was passed on as bits of a long, one per day.
            throw new IllegalArgumentException("window.pane must be at most 62 days, was " + pane);
        }
        Fields a = root.object("alert");
        this.alert = new AlertSettings(a.share("minScore"), a.integer("minRules", 1, 10));
        Fields r = root.object("reorder");
        this.reorder = new ReorderSettings(r.duration("maxLateness"), r.integer("maxBuffered", 1, 100_000_000));
        Fields l = root.object("limits");
        this.limits = new Limits(
                l.integer("trackedCounterparties", 8, 4096),
                l.integer("recipientSlots", 1, 64),
                l.integer("recentInflowSlots", 2, 4096),
                l.integer("maxFeeders", 1, 100_000_000));
        this.linkedAccounts =
                new LinkedAccountsSettings(root.object("linkedAccounts").integer("maxAccounts", 2, 64));
        Fields rules = root.object("rules");
        Fields mp = rules.object(Rules.MANY_PAYERS);
        this.manyPayers = new ManyPayers(
                mp.share("weight"),
                mp.integer("minDistinctPayers", 2, limits.trackedCounterparties()),
                minor(mp.amount("maxMeanAmount")),
                mp.positive("maxCoefficientOfVariation"));
        Fields nw = rules.object(Rules.NIGHT_OR_WEEKEND);
        this.nightOrWeekend = new NightOrWeekend(
                nw.share("weight"),
                nw.integer("minInflows", 1, 1_000_000),
                nw.integer("nightFromHour", 0, 23),
                nw.integer("nightToHour", 0, 23),
                nw.share("minNightShare"),
                nw.share("minWeekendShare"));
        Fields pt = rules.object(Rules.PASS_THROUGH);
        this.passThrough = new PassThrough(
                pt.share("weight"),
                pt.integer("minInflows", 1, 1_000_000),
                pt.duration("within"),
                pt.share("minForwardedShare"),
                pt.integer("minForwardingDays", 1, 366),
                pt.integer("maxRecipients", 1, limits.recipientSlots()),
                pt.share("minRecipientShare"));
        Fields nl = rules.object(Rules.NO_LIVING_COSTS);
        this.noLivingCosts = new NoLivingCosts(
                nl.share("weight"),
                nl.integer("minInflows", 1, 1_000_000),
                minor(nl.amount("minInflowAmount")),
                nl.share("minOutflowShare"),
                nl.integer("maxLivingCostPayments", 0, 1_000_000));
        Fields yh = rules.object(Rules.YOUNG_HOLDER);
        this.youngHolder = new YoungHolder(
                yh.share("weight"),
                yh.integer("maxAge", 1, 30),
                yh.integer("minPeers", 3, 1_000_000),
                yh.integer("maxPeerBand", 0, 10),
                yh.positive("minRatioToPeerMedian"),
                minor(yh.amount("minVolume")));
        Fields lo = rules.object(Rules.LODGING);
        this.lodging =
                new Lodging(lo.share("weight"), lo.integer("minPayments", 1, 1_000_000), lo.integer("minCities", 1, 8));
        Fields me = rules.object(Rules.MEMO);
        this.memo = new Memo(me.share("weight"), me.integer("minMatches", 1, 1_000_000));
        Fields co = rules.object(Rules.COLLECTOR);
        this.collector = new CollectorSettings(
                co.share("weight"),
                co.integer("minFeeders", 2, 1000),
                co.share("extraFeederWeight"),
                co.share("minShareOfFeederForwarding"),
                co.share("feederMinScore"));
        Fields ct = rules.object(Rules.CONTROLLER);
        this.controller = new ControllerSettings(ct.share("weight"), ct.share("minShareOfFeederForwarding"));
    }

    /** The rules shipped with Qorgau: the resources under {@code kz/qorgau/signals/tx/}. */
    public static ScreeningRules defaults() {
        return Defaults.RULES;
    }

    /**
     * Lays a JSON configuration over the defaults: every field it names replaces the default, the
     * rest stays. Give it a new {@code version} so that alerts say which thresholds produced them.
     *
     * @throws IllegalArgumentException naming the field when a value is missing, of the wrong type or
     *     out of range
     */
    public ScreeningRules overriddenBy(Reader json) {
        JsonNode overlay;
        try {
            overlay = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "the rule configuration is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(overlay instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the rule configuration must be a JSON object");
        }
        ObjectNode merged = tree.deepCopy();
        merge(merged, object);
        if (!object.has("version")) {
            merged.put("version", version + "+local");
        }
        return new ScreeningRules(merged, memoKeywords, livingCosts, lodgingCategories);
    }

    /** Like {@link #overriddenBy(Reader)}, from a string. */
    public ScreeningRules overriddenBy(String json) {
        return overriddenBy(new java.io.StringReader(json));
    }

    /** The same rules with another memo keyword list. */
    public ScreeningRules withMemoKeywords(MemoKeywords keywords) {
        return new ScreeningRules(tree, keywords, livingCosts, lodgingCategories);
    }

    /** The same rules with other merchant category lists. */
    public ScreeningRules withMerchantCategories(MerchantCategories livingCosts, MerchantCategories lodging) {
        return new ScreeningRules(tree, memoKeywords, livingCosts, lodging);
    }

    /** The configuration's version, e.g. {@code tx-rules/2026.1}; every alert carries it. */
    public String version() {
        return version;
    }

    /** The currency thresholds are written in and evidence is reported in. */
    public Currency referenceCurrency() {
        return referenceCurrency;
    }

    /** The memo keyword list in use. */
    public MemoKeywords memoKeywords() {
        return memoKeywords;
    }

    /** The explanation of a rule, as written in the configuration, or {@code null} for an unknown rule. */
    public @Nullable String explanation(String rule) {
        JsonNode node = tree.path("rules").path(rule).path("explanation");
        return node.isString() ? node.stringValue() : null;
    }

    /** The configuration as JSON, defaults and overrides merged. */
    public String toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    LinkedAccountsSettings linkedAccounts() {
        return linkedAccounts;
    }

    WindowSettings window() {
        return window;
    }

    AlertSettings alert() {
        return alert;
    }

    ReorderSettings reorder() {
        return reorder;
    }

    Limits limits() {
        return limits;
    }

    ManyPayers manyPayers() {
        return manyPayers;
    }

    NightOrWeekend nightOrWeekend() {
        return nightOrWeekend;
    }

    PassThrough passThrough() {
        return passThrough;
    }

    NoLivingCosts noLivingCosts() {
        return noLivingCosts;
    }

    YoungHolder youngHolder() {
        return youngHolder;
    }

    Lodging lodging() {
        return lodging;
    }

    Memo memo() {
        return memo;
    }

    CollectorSettings collector() {
        return collector;
    }

    ControllerSettings controller() {
        return controller;
    }

    MerchantCategories livingCosts() {
        return livingCosts;
    }

    MerchantCategories lodgingCategories() {
        return lodgingCategories;
    }

    /**
     * The factor that turns minor units of a currency into minor units of the reference currency, or
     * {@code null} when the configuration has no rate for it.
     */
    @Nullable
    BigDecimal minorRate(Currency currency) {
        return rates.get(currency);
    }

    /** Minor units of the reference currency for an amount written in major units. */
    private long minor(BigDecimal major) {
        return major.movePointRight(Math.max(0, referenceCurrency.getDefaultFractionDigits()))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static Map<Currency, BigDecimal> rates(Fields node, Currency reference) {
        Map<Currency, BigDecimal> rates = new HashMap<>();
        int referenceDigits = Math.max(0, reference.getDefaultFractionDigits());
        rates.put(reference, BigDecimal.ONE);
        for (String code : node.names()) {
            Currency currency = Fields.currencyNamed(code, "approximateRates." + code);
            BigDecimal perMajor = node.amount(code);
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            // one minor unit of the currency is perMajor / 10^digits major reference units
            rates.put(currency, perMajor.movePointRight(referenceDigits - digits));
        }
        return Map.copyOf(rates);
    }

    private static void merge(ObjectNode base, ObjectNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode baseChild && field.getValue() instanceof ObjectNode overlayChild) {
                merge(baseChild, overlayChild);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    /** The names of the rules, as in the configuration and in alerts. */
    static final class Rules {
        static final String MANY_PAYERS = "many-small-similar-payments";
        static final String NIGHT_OR_WEEKEND = "night-or-weekend-inflow";
        static final String PASS_THROUGH = "rapid-pass-through";
        static final String NO_LIVING_COSTS = "no-living-costs";
        static final String YOUNG_HOLDER = "young-holder-high-volume";
        static final String LODGING = "lodging-in-several-cities";
        static final String MEMO = "memo-keywords";
        static final String COLLECTOR = "collector";
        static final String CONTROLLER = "controller";

        private Rules() {}
    }

    /** Typed, range-checked reads from one JSON object, with the field's path in every message. */
    private record Fields(JsonNode node, String path) {

        private JsonNode required(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException("rule configuration: " + path + name + " is missing");
            }
            return value;
        }

        Iterable<String> names() {
            return node.propertyNames();
        }

        Fields object(String name) {
            JsonNode value = required(name);
            if (!value.isObject()) {
                throw new IllegalArgumentException("rule configuration: " + path + name + " must be an object");
            }
            return new Fields(value, path + name + ".");
        }

        String text(String name) {
            JsonNode value = required(name);
            if (!value.isString() || value.stringValue().isBlank()) {
                throw new IllegalArgumentException(
                        "rule configuration: " + path + name + " must be a non-empty string");
            }
            return value.stringValue();
        }

        int integer(String name, int min, int max) {
            JsonNode value = required(name);
            if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
                throw new IllegalArgumentException("rule configuration: " + path + name
                        + " must be a whole number from " + min + " to " + max + ", was " + value);
            }
            return value.asInt();
        }

        double share(String name) {
            JsonNode value = required(name);
            if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                throw new IllegalArgumentException(
                        "rule configuration: " + path + name + " must be a number from 0 to 1, was " + value);
            }
            return value.asDouble();
        }

        double positive(String name) {
            JsonNode value = required(name);
            if (!value.isNumber() || !(value.asDouble() > 0)) {
                throw new IllegalArgumentException(
                        "rule configuration: " + path + name + " must be a positive number, was " + value);
            }
            return value.asDouble();
        }

        BigDecimal amount(String name) {
            JsonNode value = required(name);
            try {
                BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString());
                if (amount.signum() < 0) {
                    throw new NumberFormatException();
                }
                return amount;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rule configuration: " + path + name
                        + " must be a non-negative amount such as \"50000\", was " + value);
            }
        }

        Duration duration(String name) {
            String text = text(name);
            try {
                Duration duration = Duration.parse(text);
                if (duration.isNegative() || duration.isZero()) {
                    throw new DateTimeException("not positive");
                }
                return duration;
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("rule configuration: " + path + name
                        + " must be a positive ISO-8601 duration such as PT24H, was " + text);
            }
        }

        Duration period(String name) {
            String text = text(name);
            try {
                if (text.startsWith("P") && !text.contains("T")) {
                    Period period = Period.parse(text);
                    if (period.getMonths() != 0 || period.getYears() != 0) {
                        throw new DateTimeException("months and years have no fixed length");
                    }
                    return Duration.ofDays(period.getDays());
                }
                return Duration.parse(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("rule configuration: " + path + name
                        + " must be an ISO-8601 duration in days or hours such as P14D, was " + text);
            }
        }

        ZoneOffset offset(String name) {
            String text = text(name);
            try {
                return ZoneOffset.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "rule configuration: " + path + name + " must be a UTC offset such as +05:00, was " + text);
            }
        }

        Currency currency(String name) {
            return currencyNamed(text(name), path + name);
        }

        static Currency currencyNamed(String code, String where) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "rule configuration: " + where + ": '" + code + "' is not an ISO 4217 currency code");
            }
        }
    }

    /** Loaded once, on first use. */
    private static final class Defaults {
        static final ScreeningRules RULES = load();

        private static ScreeningRules load() {
            try (Reader rules = resource("tx-rules.json");
                    Reader keywords = resource("memo-keywords.txt");
                    Reader living = resource("mcc-living-costs.txt");
                    Reader lodging = resource("mcc-lodging.txt")) {
                JsonNode tree = JSON.readTree(rules);
                return new ScreeningRules(
                        (ObjectNode) tree,
                        MemoKeywords.parse(keywords, "memo-keywords.txt"),
                        MerchantCategories.parse(living, "mcc-living-costs.txt"),
                        MerchantCategories.parse(lodging, "mcc-lodging.txt"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Reader resource(String name) {
            InputStream in = ScreeningRules.class.getResourceAsStream(RESOURCES + name);
            return new InputStreamReader(
                    Objects.requireNonNull(in, "resource " + RESOURCES + name + " is missing from the jar"),
                    StandardCharsets.UTF_8);
        }
    }
}
