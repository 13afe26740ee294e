package kz.qorgau.server.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import kz.qorgau.signals.tx.AccountDirectory;
import kz.qorgau.signals.tx.AccountProfile;
import kz.qorgau.signals.tx.Alert;
import kz.qorgau.signals.tx.AlertJson;
import kz.qorgau.signals.tx.ScreeningReport;
import kz.qorgau.signals.tx.ScreeningRules;
import kz.qorgau.signals.tx.Transaction;
import kz.qorgau.signals.tx.TransactionScreener;
import kz.qorgau.signals.tx.input.AccountsCsv;
import kz.qorgau.signals.tx.input.TransactionBatch;
import kz.qorgau.signals.tx.input.TransactionReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;

/**
 * Every payment rule's evidence is said in Kazakh, Russian and English from the figures the library
 * stores, checked on the rules as the library really writes them: the development data screened
 * with every rule reported, and a few flows for the rules that data does not fire.
 */
class PaymentRuleTextTest {

    private static final List<Locale> LANGUAGES =
            List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"), Locale.ENGLISH);
    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-03-02T00:00:00+05:00");
    private static final ScreeningRules EVERY_RULE =
            ScreeningRules.defaults().overriddenBy("{\"alert\":{\"minScore\":0.0,\"minRules\":1}}");

    private static ResourceBundleMessageSource messages;
    /** rule → the stored alert lines it fired in. */
    private static final Map<String, List<JsonNode>> alertsByRule = new TreeMap<>();

    @BeforeAll
    static void screen() throws Exception {
        messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/signals");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Path dir = devData();
        AccountDirectory accounts;
        try (BufferedReader reader = Files.newBufferedReader(dir.resolve("accounts.csv"))) {
            accounts = AccountsCsv.read(reader).directory();
        }
        try (BufferedReader reader = Files.newBufferedReader(dir.resolve("transactions.csv"))) {
            collect(TransactionBatch.screen(TransactionReader.csv(reader), EVERY_RULE, accounts, row -> {})
                    .report());
        }
        collect(TransactionScreener.screen(lodgingMemosAndTwoAccounts(), EVERY_RULE, twoAccountsOfOnePhone()));
    }

    @Test
    void everyRuleIsSaidInEachLanguageFromItsFigures() {
        assertThat(alertsByRule.keySet())
                .containsExactlyInAnyOrder(
                        "collector",
                        "controller",
                        "lodging-in-several-cities",
                        "many-small-similar-payments",
                        "memo-keywords",
                        "night-or-weekend-inflow",
                        "no-living-costs",
                        "rapid-pass-through",
                        "young-holder-high-volume");
        alertsByRule.forEach((rule, alerts) -> {
            for (JsonNode alert : alerts.subList(0, Math.min(5, alerts.size()))) {
                JsonNode hit = hit(alert, rule);
                for (Locale language : LANGUAGES) {
                    String text = say(alert, hit, language);
                    assertThat(text)
                            .as(rule + " in " + language)
                            .isNotBlank()
                            .doesNotContain("{")
                            .doesNotContain("}");
                    if (!language.equals(Locale.ENGLISH)) {
                        assertThat(text)
                                .as(rule + " in " + language + " is not the stored English sentence")
                                .isNotEqualTo(hit.get("evidence").asString())
                                .doesNotContain(" transfers ")
                                .doesNotContain("Received ")
                                .containsPattern("[а-яәғқңөұүһі]");
                    }
                }
            }
        });
    }

    @Test
    void theFiguresAreTheStoredOnesInTheReadersNumberFormat() {
        JsonNode alert = alertsByRule.get("rapid-pass-through").get(0);
        JsonNode hit = hit(alert, "rapid-pass-through");
        long transfers = hit.get("facts").get("inflowTransfers").asLong();
        String forwarded = Math.round(hit.get("facts").get("forwardedShare").asDouble() * 100) + "%";

        String russian = say(alert, hit, Locale.forLanguageTag("ru"));

        assertThat(russian)
                .startsWith("Поступило ")
                .contains("(переводов: " + transfers + ")")
                .contains("(" + forwarded + ")")
                .contains(alert.get("currency").asString())
                .contains(
                        hit.get("facts").get("recipients").get(0).get("account").asString());
    }

    @Test
    void aPooledRuleSaysOverWhichAccounts() {
        JsonNode alert = alertsByRule.get("rapid-pass-through").stream()
                .filter(a -> hit(a, "rapid-pass-through").get("facts").has("pooledAccounts"))
                .findFirst()
                .orElseThrow();

        String kazakh = say(alert, hit(alert, "rapid-pass-through"), Locale.forLanguageTag("kk"));

        assertThat(kazakh).startsWith("Иесінің телефон нөмірі бар шоттар бойынша бірге (girl-kaspi, girl-halyk;");
    }

    @Test
    void anAlertStoredWithoutACurrencyOrWithAnUnknownRuleKeepsTheLibrarysSentence() {
        JsonNode alert = alertsByRule.get("rapid-pass-through").get(0);
        JsonNode hit = hit(alert, "rapid-pass-through");
        PaymentRuleText text = new PaymentRuleText(messages, Locale.forLanguageTag("ru"));
        String from = alert.get("window").get("from").asString();
        String to = alert.get("window").get("to").asString();

        assertThat(text.text("rapid-pass-through", hit.get("facts"), null, from, to, "as stored"))
                .isEqualTo("as stored");
        assertThat(text.text("a-rule-of-a-later-version", hit.get("facts"), "KZT", from, to, "as stored"))
                .isEqualTo("as stored");
        assertThat(text.text("memo-keywords", hit.get("facts"), "KZT", from, to, "as stored"))
                .as("facts that are not the rule's")
                .isEqualTo("as stored");
    }

    private static String say(JsonNode alert, JsonNode hit, Locale language) {
        return new PaymentRuleText(messages, language)
                .text(
                        hit.get("rule").asString(),
                        hit.get("facts"),
                        alert.get("currency").asString(),
                        alert.get("window").get("from").asString(),
                        alert.get("window").get("to").asString(),
                        hit.get("evidence").asString());
    }

    private static JsonNode hit(JsonNode alert, String rule) {
        for (JsonNode hit : alert.get("rules")) {
            if (hit.get("rule").asString().equals(rule)) {
                return hit;
            }
        }
        throw new AssertionError(rule + " not in " + alert);
    }

    private static void collect(ScreeningReport report) {
        for (Alert alert : report.alerts()) {
            JsonNode line = Json.tree(AlertJson.line(alert));
            for (JsonNode hit : line.get("rules")) {
                alertsByRule
                        .computeIfAbsent(hit.get("rule").asString(), r -> new ArrayList<>())
                        .add(line);
            }
        }
    }

    /**
     * Hotels in three cities, two memos, and a girl whose few clients pay into either of her two
     * accounts (one phone number), each passing the money on before dawn.
     */
    private static List<Transaction> lodgingMemosAndTwoAccounts() {
        List<Transaction> out = new ArrayList<>();
        String[] cities = {"Almaty", "Astana", "Shymkent"};
        for (int day = 0; day < 14; day++) {
            OffsetDateTime evening = MONDAY.plusDays(day).withHour(21);
            if (day < 3) {
                out.add(card("traveller", "hotel-" + day, 7011, 25_000, evening, cities[day]));
                out.add(transfer("client-m" + day, "traveller", 15_000, evening.plusMinutes(5), "за ночь", null));
            }
            String account = day % 2 == 0 ? "girl-kaspi" : "girl-halyk";
            out.add(transfer("client-" + day, account, 14_000 + 100L * day, evening.plusHours(1), "", "+77015550101"));
            out.add(transfer(account, "boyfriend", 12_600, evening.plusHours(7), "", "+77015550101"));
        }
        out.sort(java.util.Comparator.comparing(Transaction::timestamp));
        return out;
    }

    private static AccountDirectory twoAccountsOfOnePhone() {
        LocalDate born = LocalDate.of(2010, 3, 1);
        return AccountDirectory.of(List.of(
                new AccountProfile("girl-kaspi", born, "+77015550101", LocalDate.of(2025, 1, 1), "personal"),
                new AccountProfile("girl-halyk", born, "87015550101", LocalDate.of(2025, 1, 1), "personal")));
    }

    private static Transaction transfer(
            String from, String to, long kzt, OffsetDateTime when, String memo, String girlsPhone) {
        boolean girlPays = from.startsWith("girl-");
        return new Transaction(
                "t-" + from + "-" + to + "-" + when.toEpochSecond(),
                when,
                from,
                to,
                kzt * 100,
                Currency.getInstance("KZT"),
                "p2p",
                girlPays ? girlsPhone : null,
                girlPays ? null : girlsPhone,
                Transaction.NO_MCC,
                memo,
                "Qyzylorda");
    }

    private static Transaction card(String from, String merchant, int mcc, long kzt, OffsetDateTime when, String city) {
        return new Transaction(
                "t-" + from + "-" + merchant,
                when,
                from,
                merchant,
                kzt * 100,
                Currency.getInstance("KZT"),
                "card",
                null,
                null,
                mcc,
                "",
                city);
    }

    private static Path devData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/tx-dev");
            if (Files.isRegularFile(candidate.resolve("transactions.csv"))) {
                return candidate;
            }
        }
        Assumptions.abort("the development data (shared/data/tx-dev) was not found above "
                + Path.of("").toAbsolutePath() + "; skipping the payment rule texts");
        throw new AssertionError("unreachable");
    }
}
