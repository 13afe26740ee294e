package kz.qorgau.server.signals;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.SqlTime;
import kz.qorgau.signals.tx.AccountDirectory;
import kz.qorgau.signals.tx.Alert;
import kz.qorgau.signals.tx.AlertJson;
import kz.qorgau.signals.tx.RuleHit;
import kz.qorgau.signals.tx.ScreeningReport;
import kz.qorgau.signals.tx.ScreeningRules;
import kz.qorgau.signals.tx.input.AccountsCsv;
import kz.qorgau.signals.tx.input.InputRow;
import kz.qorgau.signals.tx.input.TransactionBatch;
import kz.qorgau.signals.tx.input.TransactionFormat;
import kz.qorgau.signals.tx.input.TransactionReader;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests a transaction file (CSV, camt.053 or JSON lines, with an optional accounts file): the
 * transactions are screened in one streaming pass and never stored; the alerts are stored with their
 * rules and evidence (sealed), and the alerted, linked and phone identifiers are matched against the
 * bank accounts and phones recorded on open cases. Rows that cannot be used are listed with their line
 * numbers and the rest is screened; an input that cannot be read at all (a wrong header, malformed XML)
 * is refused whole. The alerts of one file are stored in one transaction.
 */
@Service
class PaymentIngestion {

    static final String SOURCE = "payments";
    static final String TABLE = "payment_alert";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final KnownIdentifiers identifiers;
    private final SignalMatches matches;
    private final SignalBatches batches;
    private final AuditTrail audit;
    private final SignalSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ScreeningRules rules = ScreeningRules.defaults();

    PaymentIngestion(
            JdbcClient jdbc,
            FieldCipher cipher,
            BlindIndex index,
            KnownIdentifiers identifiers,
            SignalMatches matches,
            SignalBatches batches,
            AuditTrail audit,
            SignalSettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.identifiers = identifiers;
        this.matches = matches;
        this.batches = batches;
        this.audit = audit;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A row that was not screened. */
    record Rejection(String source, long line, String reason) {}

    /** A stored alert, as the caller (who sent the transactions) sees it. */
    record AlertSummary(UUID id, String account, String typology, double score, List<String> rules) {}

    /**
     * What a file came to.
     *
     * @param screened transactions screened
     * @param rejectedRows rows refused (all; {@code rejected} lists the first ones)
     * @param skippedRows rows deliberately not screened (duplicates, self-transfers, pending entries)
     * @param alerts alerts stored now
     * @param alreadyStored alerts identical to stored ones (the same file sent again): not stored twice
     * @param matches signals put on case timelines
     * @param casesMatched distinct cases matched
     */
    record Result(
            UUID batch,
            String format,
            long screened,
            long rejectedRows,
            long skippedRows,
            List<Rejection> rejected,
            int alerts,
            int alreadyStored,
            int matches,
            int casesMatched,
            String rulesVersion,
            List<AlertSummary> stored) {}

    /**
     * Screens and stores.
     *
     * @param accounts the accounts file, or null
     */
    Result ingest(
            StaffMember caller, BoundedBody transactions, TransactionFormat format, @Nullable BoundedBody accounts) {
        List<Rejection> rejected = new ArrayList<>();
        long[] accountRejections = {0};
        AccountDirectory directory = AccountDirectory.empty();
        if (accounts != null) {
            AccountsCsv.Result read;
            try {
                read = AccountsCsv.read(accounts.reader());
            } catch (java.io.UncheckedIOException e) {
                accounts.check();
                throw SignalProblems.unreadable("accounts could not be read: " + e.getMessage());
            }
            accounts.check();
            for (InputRow problem : read.problems()) {
                if (problem instanceof InputRow.Aborted aborted) {
                    throw SignalProblems.unusableInput("accounts", aborted.line(), aborted.reason());
                }
                accountRejections[0]++;
                list(rejected, new Rejection("accounts", problem.line(), reason(problem)));
            }
            directory = read.directory();
        }
        InputRow.Aborted[] aborted = {null};
        boolean[] overLimit = {false};
        TransactionBatch.Result result;
        try (TransactionReader reader =
                new RowLimit(open(transactions, format), settings.maxTransactionRows(), overLimit)) {
            result = TransactionBatch.screen(reader, rules, directory, problem -> {
                if (problem instanceof InputRow.Aborted a) {
                    aborted[0] = a;
                } else {
                    list(rejected, new Rejection("transactions", problem.line(), reason(problem)));
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            transactions.check();
            throw SignalProblems.unreadable("transactions could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // A parser that fails on input it could not stop at (e.g. the stream was cut short).
            transactions.check();
            throw e;
        }
        transactions.check();
        if (overLimit[0]) {
            throw SignalProblems.tooLarge("more than " + settings.maxTransactionRows()
                    + " transaction rows (qorgau.signals.max-transaction-rows); split the file. Nothing was stored.");
        }
        if (aborted[0] != null) {
            throw SignalProblems.unusableInput("transactions", aborted[0].line(), aborted[0].reason());
        }
        ScreeningReport report = result.report();
        long rejectedRows = result.rejected() + accountRejections[0];
        Result stored = transaction.execute(status -> store(caller, format, report, result, rejectedRows, rejected));
        if (stored == null) {
            throw new IllegalStateException("the payments transaction returned nothing");
        }
        return stored;
    }

    private void list(List<Rejection> rejected, Rejection rejection) {
        if (rejected.size() < settings.maxRejectionsListed()) {
            rejected.add(rejection);
        }
    }

    private static String reason(InputRow row) {
        return switch (row) {
            case InputRow.Rejected r -> r.reason();
            case InputRow.Skipped s -> "skipped: " + s.reason();
            case InputRow.Aborted a -> a.reason();
            case InputRow.Parsed p -> "parsed";
        };
    }

    private static TransactionReader open(BoundedBody body, TransactionFormat format) {
        return switch (format) {
            case CSV -> TransactionReader.csv(body.reader());
            case JSONL -> TransactionReader.jsonLines(body.reader());
            case CAMT053 -> TransactionReader.camt053(body.stream(), TransactionReader.KAZAKHSTAN);
        };
    }

    /** Stops after a number of rows with an abort, so that one request cannot screen without end. */
    private static final class RowLimit implements TransactionReader {
        private final TransactionReader source;
        private final long limit;
        private final boolean[] overLimit;
        private long rows;
        private boolean stopped;

        RowLimit(TransactionReader source, long limit, boolean[] overLimit) {
            this.source = source;
            this.limit = limit;
            this.overLimit = overLimit;
        }

        @Override
        public boolean hasNext() {
            return !stopped && source.hasNext();
        }

        @Override
        public InputRow next() {
            InputRow row = source.next();
            if (++rows > limit) {
                stopped = true;
                overLimit[0] = true;
                return new InputRow.Aborted(row.line(), "more than " + limit + " rows");
            }
            return row;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    private Result store(
            StaffMember caller,
            TransactionFormat format,
            ScreeningReport report,
            TransactionBatch.Result screening,
            long rejectedRows,
            List<Rejection> rejected) {
        batches.lock(SOURCE);
        Instant now = clock.instant();
        UUID batch = UUID.randomUUID();
        List<AlertSummary> stored = new ArrayList<>();
        Map<UUID, Alert> alerts = new LinkedHashMap<>();
        int already = 0;
        for (Alert alert : report.alerts()) {
            String key = index.digest(
                    "alert",
                    String.join(
                            "|",
                            alert.account(),
                            alert.typology().label(),
                            alert.windowStart().toString(),
                            alert.windowEnd().toString(),
                            alert.rulesVersion()));
            boolean known = jdbc.sql("select count(*) from payment_alert where alert_key = ?")
                            .param(key)
                            .query(Long.class)
                            .single()
                    > 0;
            if (known) {
                already++;
                continue;
            }
            UUID id = UUID.randomUUID();
            List<String> ruleNames = alert.rules().stream().map(RuleHit::rule).toList();
            String names = String.join(",", ruleNames);
            jdbc.sql("""
                            insert into payment_alert (id, batch_id, alert_key, account_digest, typology, score, rules,
                                                       window_start, window_end, rules_version, alert_sealed,
                                                       received_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            batch,
                            key,
                            accountDigest(alert.account()),
                            alert.typology().label(),
                            alert.score(),
                            names.length() > 1000 ? names.substring(0, 1000) : names,
                            SqlTime.bind(alert.windowStart().toInstant()),
                            SqlTime.bind(alert.windowEnd().toInstant()),
                            alert.rulesVersion(),
                            cipher.seal(AlertJson.line(alert), TABLE, "alert_sealed", id),
                            SqlTime.bind(now))
                    .update();
            Set<String> subjects = new LinkedHashSet<>();
            for (Involved inv : involved(alert)) {
                String subject = digest(inv);
                if (subjects.add(inv.kind().code() + " " + subject)) {
                    jdbc.sql("insert into payment_alert_subject (alert_id, kind, digest) values (?, ?, ?)")
                            .params(id, inv.kind().code(), subject)
                            .update();
                }
            }
            alerts.put(id, alert);
            stored.add(new AlertSummary(id, alert.account(), alert.typology().label(), alert.score(), ruleNames));
        }
        int[] matched = match(alerts);
        batches.insert(
                batch,
                SOURCE,
                now,
                caller,
                new SignalBatches.Counts(
                        screening.report().counts().screened() + rejectedRows + screening.skipped(),
                        rejectedRows,
                        alerts.size(),
                        matched[0]));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("batch", batch.toString());
        content.put("format", format.option());
        content.put("screened", report.counts().screened());
        content.put("rejected", rejectedRows);
        content.put("alerts", alerts.keySet().stream().map(UUID::toString).toList());
        content.put("matches", matched[0]);
        audit.record("signals.payments.ingested", null, KnownIdentifiers.actor(caller), content);
        return new Result(
                batch,
                format.option(),
                report.counts().screened(),
                rejectedRows,
                screening.skipped(),
                rejected,
                alerts.size(),
                already,
                matched[0],
                matched[1],
                report.rulesVersion(),
                stored);
    }

    String accountDigest(String account) {
        return index.digest(
                IdentifierKind.BANK_ACCOUNT.code(),
                IdentifierKind.account(account).orElse(account));
    }

    /** What of an alert may be recorded on a case: the account itself, a linked account, or a phone. */
    record Involved(IdentifierKind kind, String value, String role) {}

    static List<Involved> involved(Alert alert) {
        List<Involved> out = new ArrayList<>();
        out.add(new Involved(IdentifierKind.BANK_ACCOUNT, alert.account(), "alerted-account"));
        alert.linked().forEach(a -> out.add(new Involved(IdentifierKind.BANK_ACCOUNT, a, "linked-account")));
        alert.phones().forEach(p -> out.add(new Involved(IdentifierKind.PHONE, p, "account-phone")));
        return out;
    }

    /** Matches the new alerts; returns {matches, cases}. */
    private int[] match(Map<UUID, Alert> alerts) {
        Map<IdentifierKind, Set<String>> digests = new LinkedHashMap<>();
        for (Alert alert : alerts.values()) {
            for (Involved inv : involved(alert)) {
                digests.computeIfAbsent(inv.kind(), k -> new LinkedHashSet<>()).add(digest(inv));
            }
        }
        Map<IdentifierKind, Map<String, List<UUID>>> casesOf = new LinkedHashMap<>();
        digests.forEach((kind, set) -> casesOf.put(kind, identifiers.openCasesWith(kind, set)));
        int count = 0;
        Set<UUID> cases = new LinkedHashSet<>();
        for (Map.Entry<UUID, Alert> e : alerts.entrySet()) {
            Map<UUID, List<Involved>> found = new LinkedHashMap<>();
            for (Involved inv : involved(e.getValue())) {
                for (UUID caseId : casesOf.getOrDefault(inv.kind(), Map.of()).getOrDefault(digest(inv), List.of())) {
                    List<Involved> list = found.computeIfAbsent(caseId, k -> new ArrayList<>());
                    if (!list.contains(inv)) {
                        list.add(inv);
                    }
                }
            }
            for (Map.Entry<UUID, List<Involved>> f : found.entrySet()) {
                if (matches.recordOnce(
                        f.getKey(),
                        SOURCE,
                        e.getKey().toString(),
                        summary(e.getValue(), f.getValue()),
                        evidence(e.getKey(), e.getValue(), f.getValue()))) {
                    count++;
                    cases.add(f.getKey());
                }
            }
        }
        return new int[] {count, cases.size()};
    }

    private String digest(Involved inv) {
        return inv.kind() == IdentifierKind.BANK_ACCOUNT
                ? accountDigest(inv.value())
                : index.digest(IdentifierKind.PHONE.code(), inv.value());
    }

    /**
     * What of an alert the case's evidence shows, from the alert just screened or from the sealed JSON of
     * a stored one ({@code AlertJson}): both give the same evidence.
     */
    record AlertFacts(
            String account,
            String typology,
            double score,
            String windowFrom,
            String windowTo,
            List<RuleFacts> rules,
            List<String> linked,
            List<String> phones,
            @Nullable String currency,
            String rulesVersion) {

        static AlertFacts of(Alert alert) {
            return new AlertFacts(
                    alert.account(),
                    alert.typology().label(),
                    alert.score(),
                    alert.windowStart().toString(),
                    alert.windowEnd().toString(),
                    alert.rules().stream()
                            .map(h -> new RuleFacts(h.rule(), h.weight(), h.evidence(), h.facts()))
                            .toList(),
                    alert.linked(),
                    alert.phones(),
                    alert.currency(),
                    alert.rulesVersion());
        }

        /** From the sealed JSON line of a stored alert ({@code AlertJson.line}). */
        static AlertFacts ofStored(String json) {
            tools.jackson.databind.JsonNode alert = Json.tree(json);
            List<RuleFacts> rules = new ArrayList<>();
            for (tools.jackson.databind.JsonNode rule : alert.get("rules")) {
                rules.add(new RuleFacts(
                        rule.get("rule").asString(),
                        rule.get("weight").asDouble(),
                        rule.get("evidence").asString(),
                        rule.get("facts") == null || !rule.get("facts").isObject()
                                ? Map.of()
                                : Json.map(rule.get("facts"))));
            }
            return new AlertFacts(
                    alert.get("account").asString(),
                    alert.get("typology").asString(),
                    alert.get("score").asDouble(),
                    alert.get("window").get("from").asString(),
                    alert.get("window").get("to").asString(),
                    rules,
                    strings(alert.get("linked")),
                    strings(alert.get("phones")),
                    Json.textOrNull(alert, "currency"),
                    alert.get("rulesVersion").asString());
        }

        /** What of this alert equals an identifier of a case (normalised as recorded). */
        List<Involved> involving(IdentifierKind kind, String value) {
            List<Involved> out = new ArrayList<>();
            if (kind == IdentifierKind.BANK_ACCOUNT) {
                if (value.equals(IdentifierKind.account(account).orElse(account))) {
                    out.add(new Involved(kind, account, "alerted-account"));
                }
                for (String l : linked) {
                    if (value.equals(IdentifierKind.account(l).orElse(l))) {
                        out.add(new Involved(kind, l, "linked-account"));
                    }
                }
            } else if (kind == IdentifierKind.PHONE) {
                for (String p : phones) {
                    if (value.equals(p)) {
                        out.add(new Involved(kind, p, "account-phone"));
                    }
                }
            }
            return out;
        }

        private static List<String> strings(tools.jackson.databind.@Nullable JsonNode node) {
            List<String> out = new ArrayList<>();
            if (node != null) {
                node.forEach(n -> out.add(n.asString()));
            }
            return out;
        }
    }

    /** A rule of an alert, as the case's evidence lists it: the library's sentence and its figures. */
    record RuleFacts(String rule, double weight, String evidence, Map<String, Object> facts) {}

    private static String summary(Alert alert, List<Involved> found) {
        return summary(AlertFacts.of(alert), found);
    }

    static String summary(AlertFacts alert, List<Involved> found) {
        Set<String> what = new LinkedHashSet<>();
        found.forEach(f -> what.add(f.kind() == IdentifierKind.PHONE ? "phone" : "bank account"));
        return "Payment screening: a " + alert.typology() + " alert (score "
                + Math.round(alert.score() * 100) / 100.0 + ") involves this case's " + String.join(" and ", what)
                + ". Review the evidence; a draft suspicious-transaction report can be exported.";
    }

    private static Map<String, Object> evidence(UUID id, Alert alert, List<Involved> found) {
        return evidence(id, AlertFacts.of(alert), found);
    }

    static Map<String, Object> evidence(UUID id, AlertFacts alert, List<Involved> found) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alert", id.toString());
        out.put("account", alert.account());
        out.put("typology", alert.typology());
        out.put("score", alert.score());
        out.put("window", Map.of("from", alert.windowFrom(), "to", alert.windowTo()));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleFacts hit : alert.rules()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule", hit.rule());
            rule.put("weight", hit.weight());
            rule.put("evidence", hit.evidence());
            rule.put("facts", hit.facts());
            rules.add(rule);
        }
        out.put("rules", rules);
        out.put("linked", alert.linked());
        out.put("phones", alert.phones());
        out.put("currency", alert.currency());
        out.put("rulesVersion", alert.rulesVersion());
        List<Map<String, Object>> matched = new ArrayList<>();
        for (Involved f : found) {
            matched.add(Map.of("kind", f.kind().code(), "value", f.value(), "as", f.role()));
        }
        out.put("matched", matched);
        out.put(
                "note",
                "An alert raises work for a person; it accuses no one. Check the evidence against the bank's records.");
        return out;
    }
}
