package kz.qorgau.signals.tx;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds small, readable money flows for the rule tests: people, their ordinary lives, and the
 * patterns the rules look for. Everything is seeded, so a scenario is the same on every run.
 */
final class TxScenario {

    /** Monday 2 March 2026, 00:00 in Kazakhstan (UTC+5). */
    static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-03-02T00:00:00+05:00");

    static final Currency KZT = Currency.getInstance("KZT");

    /** Every rule that fires is reported, so a test can see a single rule on its own. */
    static final ScreeningRules EVERY_RULE =
            ScreeningRules.defaults().overriddenBy("{\"alert\":{\"minScore\":0.0,\"minRules\":1}}");

    private final List<Transaction> transactions = new ArrayList<>();
    private final List<AccountProfile> profiles = new ArrayList<>();
    private final Map<String, String> phones = new HashMap<>();
    private final Random random;
    private int sequence;

    TxScenario(long seed) {
        this.random = new Random(seed);
    }

    static OffsetDateTime at(int day, int hour, int minute) {
        return MONDAY.plusDays(day).withHour(hour).withMinute(minute);
    }

    TxScenario holder(String account, LocalDate birthDate) {
        profiles.add(new AccountProfile(account, birthDate, null, LocalDate.of(2025, 1, 1), "personal"));
        return this;
    }

    /** An account in the accounts file with its holder's phone number, which its transfers carry too. */
    TxScenario holder(String account, LocalDate birthDate, String phone) {
        profiles.add(new AccountProfile(account, birthDate, phone, LocalDate.of(2025, 1, 1), "personal"));
        phones.put(account, phone);
        return this;
    }

    TxScenario transfer(String from, String to, long kzt, OffsetDateTime when) {
        return transfer(from, to, kzt, when, "");
    }

    TxScenario transfer(String from, String to, long kzt, OffsetDateTime when, String memo) {
        transactions.add(new Transaction(
                "t" + sequence++,
                when,
                from,
                to,
                kzt * 100,
                KZT,
                "p2p",
                phone(from),
                phone(to),
                Transaction.NO_MCC,
                memo,
                "Qyzylorda"));
        return this;
    }

    TxScenario card(String from, String merchant, int mcc, long kzt, OffsetDateTime when, String city) {
        transactions.add(new Transaction(
                "t" + sequence++, when, from, merchant, kzt * 100, KZT, "card", null, null, mcc, "", city));
        return this;
    }

    /** Groceries most days, a bus ride, the monthly utility bill: what living from an account looks like. */
    TxScenario ordinaryLife(String account, int fromDay, int days) {
        for (int d = fromDay; d < fromDay + days; d++) {
            if (random.nextInt(3) > 0) {
                card(
                        account,
                        "supermarket",
                        5411,
                        2_000 + random.nextInt(8_000),
                        at(d, 18, random.nextInt(60)),
                        "Qyzylorda");
            }
            card(account, "city-bus", 4111, 150, at(d, 8, random.nextInt(60)), "Qyzylorda");
            if (d % 28 == 10) {
                card(account, "utility", 4900, 15_000, at(d, 12, 0), "Qyzylorda");
            }
        }
        return this;
    }

    /**
     * An exploited minor's account: about three clients a day pay 9,000–25,000 KZT in the evening and
     * at night; before dawn almost all of it goes on to {@code forwardTo}; a taxi now and then, no
     * groceries.
     */
    TxScenario passThrough(String account, LocalDate birth, String forwardTo, int fromDay, int days) {
        holder(account, birth);
        for (int d = fromDay; d < fromDay + days; d++) {
            long received = 0;
            int clients = 2 + random.nextInt(3);
            for (int c = 0; c < clients; c++) {
                int hour = List.of(20, 21, 22, 23, 0, 1).get(random.nextInt(6));
                int day = hour < 12 ? d + 1 : d;
                long amount = 9_000 + random.nextInt(16_000);
                transfer("client-" + random.nextInt(400), account, amount, at(day, hour, random.nextInt(60)));
                received += amount;
            }
            transfer(account, forwardTo, received * 9 / 10, at(d + 1, 4, random.nextInt(50)));
            if (random.nextBoolean()) {
                card(account, "taxi", 4121, 1_500, at(d, 19, 30), "Qyzylorda");
            }
        }
        return this;
    }

    /** Ordinary young holders (the peers): pocket money from a parent on Saturdays, groceries, the bus. */
    TxScenario students(int count, LocalDate firstBirthDate, int fromDay, int days) {
        for (int s = 0; s < count; s++) {
            String student = "student-" + s;
            holder(student, firstBirthDate.plusDays(s * 40L));
            for (int d = fromDay; d < fromDay + days; d++) {
                if (at(d, 0, 0).getDayOfWeek().getValue() == 6) {
                    transfer("parent-of-" + s, student, 10_000 + random.nextInt(10_000), at(d, 11, random.nextInt(60)));
                }
            }
            ordinaryLife(student, fromDay, days);
        }
        return this;
    }

    List<Transaction> transactions() {
        return transactions.stream()
                .sorted(Comparator.comparing(Transaction::timestamp))
                .toList();
    }

    AccountDirectory directory() {
        return AccountDirectory.of(profiles);
    }

    ScreeningReport screen() {
        return screen(ScreeningRules.defaults());
    }

    ScreeningReport screen(ScreeningRules rules) {
        return TransactionScreener.screen(transactions(), rules, directory());
    }

    /** The rules that fired for an account (empty when it was not alerted). */
    static Set<String> rulesFor(ScreeningReport report, String account) {
        return report.alerts().stream()
                .filter(a -> a.account().equals(account))
                .flatMap(a -> a.rules().stream())
                .map(RuleHit::rule)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static Alert alertFor(ScreeningReport report, String account) {
        return report.alerts().stream()
                .filter(a -> a.account().equals(account))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no alert for " + account + " among " + report.alerts()));
    }

    static RuleHit hit(ScreeningReport report, String account, String rule) {
        return alertFor(report, account).rules().stream()
                .filter(h -> h.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError(rule + " did not fire for " + account));
    }

    /** The holder's number when one was given, else a number of the account's own (never shared). */
    private String phone(String account) {
        return phones.computeIfAbsent(account, a -> "+7701" + String.format("%07d", 1_000_000 + phones.size()));
    }
}
