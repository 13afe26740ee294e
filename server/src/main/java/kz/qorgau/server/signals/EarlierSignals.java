package kz.qorgau.server.signals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches an identifier just recorded on an open case against the signals already stored — ads that
 * carried the phone or handle, payment alerts of the account or phone, school signals of the student —
 * so that an ad ingested before the case worker typed the child's number still reaches the case. Each
 * match goes on the case's timeline once ({@link SignalMatches#recordOnce}), with the same summary and
 * evidence as the ingestion that stored the signal would have written.
 *
 * <p>Bounded: ads and school signals by their keyed hash, at most {@value #MAX_STORED_SUBJECTS} per
 * identifier, the newest first; payment alerts by the keyed hash of every account and phone they
 * involve ({@code payment_alert_subject}), at most {@value #MAX_INDEXED_ALERTS}, and among the
 * {@value #MAX_STORED_SUBJECTS} newest of the alerts stored before that index existed. Nicknames are
 * not matched against stored ads: ad texts are not stored.
 */
@Component
class EarlierSignals {

    /** Stored subjects (ads, alerts, school signals) examined per recorded identifier, newest first. */
    static final int MAX_STORED_SUBJECTS = 500;

    /** Alerts found by index per recorded identifier (an account in more is a matter for a person). */
    static final int MAX_INDEXED_ALERTS = 5000;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final SignalMatches matches;

    EarlierSignals(JdbcClient jdbc, FieldCipher cipher, SignalMatches matches) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.matches = matches;
    }

    /**
     * Records on the case every stored signal that carries the identifier and is not on the case yet.
     *
     * @param value the normalised value, as recorded
     * @param digest its keyed hash ({@link BlindIndex#digest} of kind and value)
     * @return the matches recorded now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int match(UUID caseId, IdentifierKind kind, String value, String digest) {
        return switch (kind) {
            case PHONE -> ads(caseId, kind, digest) + payments(caseId, kind, value, digest);
            case HANDLE -> ads(caseId, kind, digest);
            case BANK_ACCOUNT -> payments(caseId, kind, value, digest);
            case STUDENT_ID -> school(caseId, digest);
            case NICKNAME -> 0;
        };
    }

    // ---- ads

    private record StoredContact(UUID ad, String value) {}

    private int ads(UUID caseId, IdentifierKind kind, String digest) {
        List<StoredContact> contacts = jdbc.sql("""
                        select c.ad_signal_id, c.value_sealed from ad_contact c
                        join ad_signal s on s.id = c.ad_signal_id
                        where c.kind = ? and c.digest = ?
                        order by s.received_at desc, s.id
                        limit""" + " " + MAX_STORED_SUBJECTS)
                .params(kind.code(), digest)
                .query((rs, n) -> {
                    UUID ad = rs.getObject(1, UUID.class);
                    return new StoredContact(
                            ad,
                            Objects.requireNonNull(cipher.open(
                                    rs.getBytes(2),
                                    "ad_contact",
                                    "value_sealed",
                                    AdIngestion.contactRow(ad, kind.code(), digest))));
                })
                .list();
        if (contacts.isEmpty()) {
            return 0;
        }
        Map<UUID, String> valueOf = new LinkedHashMap<>();
        contacts.forEach(c -> valueOf.put(c.ad(), c.value()));
        int count = 0;
        for (List<UUID> chunk : AdIngestion.chunks(List.copyOf(valueOf.keySet()))) {
            List<Map.Entry<UUID, Map<String, Object>>> found = new ArrayList<>();
            List<Boolean> flags = new ArrayList<>();
            jdbc.sql("select id, source, ad_id, url_sealed, posted_at, city, cluster_id, risk_flag, risk_sealed"
                            + " from ad_signal where id in (" + AdIngestion.marks(chunk.size()) + ")"
                            + " order by received_at desc, id")
                    .params(List.copyOf(chunk))
                    .query(rs -> {
                        UUID row = rs.getObject("id", UUID.class);
                        java.time.Instant posted = SqlTime.read(rs, "posted_at");
                        String value = valueOf.get(row);
                        // The ad's text is not stored: the quote is the contact as it was extracted from it.
                        Map<String, Object> evidence = AdIngestion.evidence(
                                rs.getString("ad_id"),
                                rs.getString("source"),
                                cipher.open(rs.getBytes("url_sealed"), AdIngestion.TABLE, "url_sealed", row),
                                posted == null
                                        ? null
                                        : OffsetDateTime.ofInstant(posted, ZoneOffset.UTC)
                                                .toString(),
                                rs.getString("city"),
                                rs.getString("cluster_id"),
                                row,
                                List.of(new AdIngestion.MatchedIdentifier(kind.code(), value, value, false)),
                                Json.map(Objects.requireNonNull(cipher.open(
                                        rs.getBytes("risk_sealed"), AdIngestion.TABLE, "risk_sealed", row))));
                        found.add(Map.entry(row, evidence));
                        flags.add(rs.getBoolean("risk_flag"));
                    });
            for (int i = 0; i < found.size(); i++) {
                UUID row = found.get(i).getKey();
                if (matches.recordOnce(
                        caseId,
                        AdIngestion.SOURCE,
                        row.toString(),
                        AdIngestion.summary(Set.of(kind.code()), flags.get(i)),
                        found.get(i).getValue())) {
                    count++;
                }
            }
        }
        return count;
    }

    // ---- payment alerts

    private record StoredAlert(UUID id, String sealed) {}

    private int payments(UUID caseId, IdentifierKind kind, String value, String digest) {
        Map<UUID, byte[]> candidates = new LinkedHashMap<>();
        // Every alert that involves the identifier, by its keyed hash (the digest the ingestion stored
        // for the alerted account, each linked account and each holder phone: the identifier's own).
        jdbc.sql("""
                        select a.id, a.alert_sealed from payment_alert a
                        join payment_alert_subject s on s.alert_id = a.id
                        where s.kind = ? and s.digest = ?
                        order by a.received_at desc, a.id limit""" + " " + MAX_INDEXED_ALERTS).params(kind.code(), digest).query(rs -> {
            candidates.put(rs.getObject(1, UUID.class), rs.getBytes(2));
        });
        // Alerts stored before the index existed: the newest are opened and searched.
        jdbc.sql("""
                        select a.id, a.alert_sealed from payment_alert a
                        where not exists (select 1 from payment_alert_subject s where s.alert_id = a.id)
                        order by a.received_at desc, a.id limit""" + " " + MAX_STORED_SUBJECTS).query(rs -> {
            candidates.putIfAbsent(rs.getObject(1, UUID.class), rs.getBytes(2));
        });
        List<StoredAlert> alerts = new ArrayList<>();
        candidates.forEach((id, bytes) -> alerts.add(new StoredAlert(
                id, Objects.requireNonNull(cipher.open(bytes, PaymentIngestion.TABLE, "alert_sealed", id)))));
        int count = 0;
        for (StoredAlert stored : alerts) {
            PaymentIngestion.AlertFacts alert = PaymentIngestion.AlertFacts.ofStored(stored.sealed());
            List<PaymentIngestion.Involved> found = alert.involving(kind, value);
            if (!found.isEmpty()
                    && matches.recordOnce(
                            caseId,
                            PaymentIngestion.SOURCE,
                            stored.id().toString(),
                            PaymentIngestion.summary(alert, found),
                            PaymentIngestion.evidence(stored.id(), alert, found))) {
                count++;
            }
        }
        return count;
    }

    // ---- school signals

    private record StoredSchoolSignal(
            UUID id, UUID upload, String school, double score, Set<String> kinds, LocalDate asOf, byte[] evidence) {}

    private int school(UUID caseId, String digest) {
        List<StoredSchoolSignal> signals = jdbc.sql("""
                        select id, batch_id, school_code, score, kinds, as_of, evidence_sealed from school_signal
                        where student_digest = ? order by updated_at desc, id limit""" + " " + MAX_STORED_SUBJECTS)
                .param(digest)
                .query((rs, n) -> new StoredSchoolSignal(
                        rs.getObject("id", UUID.class),
                        rs.getObject("batch_id", UUID.class),
                        rs.getString("school_code"),
                        rs.getDouble("score"),
                        new LinkedHashSet<>(List.of(rs.getString("kinds").split(","))),
                        rs.getObject("as_of", LocalDate.class),
                        rs.getBytes("evidence_sealed")))
                .list();
        int count = 0;
        for (StoredSchoolSignal s : signals) {
            String evidence =
                    Objects.requireNonNull(cipher.open(s.evidence(), SchoolIngestion.TABLE, "evidence_sealed", s.id()));
            // The subject is the one the upload that raised the signal uses, so that it is not added twice.
            if (matches.recordOnce(
                    caseId,
                    SchoolIngestion.SOURCE,
                    s.upload() + ":" + digest,
                    SchoolIngestion.summary(s.score(), s.kinds()),
                    SchoolIngestion.caseEvidence(s.school(), s.asOf(), Json.map(evidence)))) {
                count++;
            }
        }
        return count;
    }
}
