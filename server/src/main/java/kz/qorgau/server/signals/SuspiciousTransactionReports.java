package kz.qorgau.server.signals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.casework.Caseload;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Draft suspicious-transaction reports for the financial monitoring agency, from a payment alert that
 * was matched to a case: the alerted account, its typology and score, every rule with its evidence,
 * and what on the case it matched. A draft for a person to review, complete and file through the
 * agency's own channel — not the agency's form itself. Only for a case the member may see and an alert
 * matched to it; every export is recorded in the ledger.
 */
@Service
class SuspiciousTransactionReports {

    private final JdbcClient jdbc;
    private final Caseload caseload;
    private final Directory directory;
    private final KnownIdentifiers identifiers;
    private final SignalMatches matches;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    SuspiciousTransactionReports(
            JdbcClient jdbc,
            Caseload caseload,
            Directory directory,
            KnownIdentifiers identifiers,
            SignalMatches matches,
            FieldCipher cipher,
            AuditTrail audit,
            MessageSource messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.caseload = caseload;
        this.directory = directory;
        this.identifiers = identifiers;
        this.matches = matches;
        this.cipher = cipher;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Who prepared the draft: an organisation and a role, as in the ledger. */
    record PreparedBy(String organisation, String organisationName, String role) {}

    /**
     * The alerted account and what the screening found.
     *
     * @param cluster the linked accounts' cluster within the screened file, if any
     */
    record Subject(
            String account,
            String typology,
            double score,
            String windowFrom,
            String windowTo,
            @Nullable String cluster,
            List<String> linkedAccounts,
            List<String> phones) {}

    /**
     * A typology rule that fired, with its evidence and figures.
     *
     * @param name the rule's name in the reader's language
     * @param evidence the screening library's sentence, as recorded (English)
     * @param text the evidence said in the reader's language from the figures
     */
    record Rule(String rule, String name, double weight, String evidence, String text, Map<String, Object> facts) {}

    /** What of the alert is recorded on the case. */
    record Matched(String kind, String value, String as) {}

    /**
     * The draft.
     *
     * @param status always {@code draft}: nothing is filed by Qorgau
     * @param grounds the reasons in one paragraph, for the report's narrative
     */
    record Draft(
            String document,
            String status,
            String addressee,
            Instant preparedAt,
            PreparedBy preparedBy,
            String caseReference,
            UUID alert,
            Subject subject,
            List<Rule> rules,
            List<Matched> matchedOnCase,
            String rulesVersion,
            String grounds,
            String notice) {}

    /** The draft as JSON; the export is recorded. */
    @Transactional
    Draft draft(StaffMember member, UUID caseId, UUID alertId, String format) {
        Draft draft = build(member, caseId, alertId, Locale.ENGLISH);
        record(member, caseId, alertId, format);
        return draft;
    }

    /** The draft as a PDF in the member's language; the export is recorded. */
    @Transactional
    byte[] pdf(StaffMember member, UUID caseId, UUID alertId, Locale locale) {
        Draft draft = build(member, caseId, alertId, locale);
        byte[] pdf = StrPdf.render(draft, key -> messages.getMessage(key, null, key, locale), locale);
        record(member, caseId, alertId, "pdf");
        return pdf;
    }

    private void record(StaffMember member, UUID caseId, UUID alertId, String format) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("alert", alertId.toString());
        content.put("format", format);
        audit.record("payments.str-exported", caseId, KnownIdentifiers.actor(member), content);
    }

    private Draft build(StaffMember member, UUID caseId, UUID alertId, Locale locale) {
        if (!caseload.maySee(member, caseId) || !matches.exists(caseId, PaymentIngestion.SOURCE, alertId.toString())) {
            throw new NotFoundException(
                    "no payment alert " + alertId + " matched to a case " + caseId + " you may see");
        }
        String json = jdbc.sql("select alert_sealed from payment_alert where id = ?")
                .param(alertId)
                .query((rs, n) -> cipher.open(rs.getBytes(1), PaymentIngestion.TABLE, "alert_sealed", alertId))
                .optional()
                .orElseThrow(() -> new NotFoundException("no payment alert " + alertId));
        JsonNode alert = Json.tree(json);
        String reference = caseload.caseFile(member, caseId).reference();
        Subject subject = new Subject(
                alert.get("account").asString(),
                alert.get("typology").asString(),
                alert.get("score").asDouble(),
                alert.get("window").get("from").asString(),
                alert.get("window").get("to").asString(),
                Json.textOrNull(alert, "cluster"),
                strings(alert.get("linked")),
                strings(alert.get("phones")));
        List<Rule> rules = new ArrayList<>();
        PaymentRuleText says = new PaymentRuleText(messages, locale);
        String currency = Json.textOrNull(alert, "currency");
        for (JsonNode rule : alert.get("rules")) {
            String name = rule.get("rule").asString();
            String evidence = rule.get("evidence").asString();
            JsonNode facts = rule.get("facts");
            rules.add(new Rule(
                    name,
                    label("sig.str.rule.", name, locale),
                    rule.get("weight").asDouble(),
                    evidence,
                    says.text(name, facts, currency, subject.windowFrom(), subject.windowTo(), evidence),
                    facts == null || !facts.isObject() ? Map.of() : Json.map(facts)));
        }
        List<Matched> matched = matchedOnCase(caseId, subject);
        Organisation organisation =
                directory.organisation(member.organisationCode()).orElse(null);
        String rulesVersion = alert.get("rulesVersion").asString();
        return new Draft(
                "qorgau/draft-suspicious-transaction-report/1",
                "draft",
                text("sig.str.addressee", locale),
                clock.instant(),
                new PreparedBy(
                        member.organisationCode(),
                        organisation == null ? member.organisationCode() : organisation.name(locale),
                        member.role().code()),
                reference,
                alertId,
                subject,
                rules,
                matched,
                rulesVersion,
                grounds(subject, rules, matched, reference, rulesVersion, locale),
                text("sig.str.notice", locale));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private List<Matched> matchedOnCase(UUID caseId, Subject subject) {
        List<Matched> out = new ArrayList<>();
        List<String> accounts =
                identifiers.values(IdentifierKind.BANK_ACCOUNT, List.of(caseId)).getOrDefault(caseId, List.of());
        List<String> phones =
                identifiers.values(IdentifierKind.PHONE, List.of(caseId)).getOrDefault(caseId, List.of());
        if (accounts.contains(IdentifierKind.account(subject.account()).orElse(subject.account()))) {
            out.add(new Matched(IdentifierKind.BANK_ACCOUNT.code(), subject.account(), "alerted-account"));
        }
        for (String linked : subject.linkedAccounts()) {
            if (accounts.contains(IdentifierKind.account(linked).orElse(linked))) {
                out.add(new Matched(IdentifierKind.BANK_ACCOUNT.code(), linked, "linked-account"));
            }
        }
        for (String phone : subject.phones()) {
            if (phones.contains(phone)) {
                out.add(new Matched(IdentifierKind.PHONE.code(), phone, "account-phone"));
            }
        }
        return out;
    }

    /**
     * The grounds in the reader's language: the sentence frame, the kinds of identifiers and the rule
     * names come from the message bundles, each rule's evidence is said from its figures
     * ({@link PaymentRuleText}; the library's English sentence for alerts stored without them).
     */
    private String grounds(
            Subject subject,
            List<Rule> rules,
            List<Matched> matched,
            String reference,
            String rulesVersion,
            Locale locale) {
        StringBuilder out = new StringBuilder();
        out.append(format(
                "sig.str.grounds.pattern",
                locale,
                rulesVersion,
                subject.account(),
                label("sig.str.typology.", subject.typology(), locale),
                subject.windowFrom(),
                subject.windowTo(),
                String.valueOf(Math.round(subject.score() * 100) / 100.0)));
        if (!matched.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Matched m : matched) {
                parts.add(format(
                        "sig.str.grounds.item",
                        locale,
                        label("sig.str.kind.", m.kind(), locale),
                        m.value(),
                        label("sig.str.as.", m.as(), locale)));
            }
            out.append(' ').append(format("sig.str.grounds.case", locale, reference, String.join(", ", parts)));
        }
        List<String> evidence = new ArrayList<>();
        for (Rule r : rules) {
            evidence.add(r.name() + " — " + r.text());
        }
        out.append(' ').append(format("sig.str.grounds.rules", locale, String.join(" ", evidence)));
        return out.toString();
    }

    private String format(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** The bundle's name for a code (a typology, a kind, a rule), or the code itself. */
    private String label(String prefix, String code, Locale locale) {
        return messages.getMessage(prefix + code, null, code, locale);
    }

    private static List<String> strings(@Nullable JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asString()));
        }
        return out;
    }
}
