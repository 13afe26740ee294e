package kz.qorgau.server.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.core.casework.Case;
import kz.qorgau.core.casework.CaseworkRules;
import kz.qorgau.core.casework.Deadline;
import kz.qorgau.core.casework.FlaggedConflict;
import kz.qorgau.core.casework.Referral;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.platform.BatchedWrites;
import kz.qorgau.server.platform.RuleViolationException;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads and writes cases, referrals, conflicts and the case timeline. Writes of a new version are
 * conditioned on the version before it, so a transition applied twice (two schedulers, a retried
 * request) changes nothing the second time.
 */
@Component
class CaseStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CaseDocuments documents;
    private final BatchedWrites writes;

    CaseStore(JdbcClient jdbc, JdbcTemplate template, CaseDocuments documents, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.template = template;
        this.documents = documents;
        this.writes = writes;
    }

    /** A case as stored, with what is kept beside the domain record. */
    record StoredCase(
            Case value, String reference, @Nullable String region) {}

    // ---- cases

    String nextReference(Instant openedAt) {
        long number =
                jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
        return "Q-%d-%06d".formatted(openedAt.atZone(Casework.KAZAKHSTAN).getYear(), number);
    }

    void insert(Case value, String reference, @Nullable String region, Instant now) {
        jdbc.sql("""
                        insert into safeguarding_case (id, reference, version, status, risk, highest_risk, region,
                                                       opened_at, first_contact_at, updated_at, document_sealed)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        value.id().value(),
                        reference,
                        value.version(),
                        value.status().name(),
                        value.risk().name(),
                        value.highestRisk().name(),
                        region,
                        SqlTime.bind(value.openedAt()),
                        SqlTime.bind(value.firstContactAt()),
                        SqlTime.bind(now),
                        documents.seal(value))
                .update();
        recordConflicts(value);
    }

    void update(Case after, Instant now) {
        int updated = jdbc.sql("""
                        update safeguarding_case set version = ?, status = ?, risk = ?, highest_risk = ?,
                               first_contact_at = ?, updated_at = ?, document_sealed = ?
                        where id = ? and version = ?""")
                .params(
                        after.version(),
                        after.status().name(),
                        after.risk().name(),
                        after.highestRisk().name(),
                        SqlTime.bind(after.firstContactAt()),
                        SqlTime.bind(now),
                        documents.seal(after),
                        after.id().value(),
                        after.version() - 1)
                .update();
        if (updated != 1) {
            throw new RuleViolationException(
                    "concurrent-change", "case " + after.id() + " was changed by someone else; reload and try again");
        }
        recordConflicts(after);
    }

    private void recordConflicts(Case value) {
        for (FlaggedConflict conflict : value.conflicts()) {
            String code = conflict.signal().organisation().code();
            String kind = conflict.signal().kind().name();
            boolean known = jdbc.sql(
                                    "select count(*) from case_conflict where case_id = ? and organisation_code = ? and kind = ?")
                            .params(value.id().value(), code, kind)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!known) {
                jdbc.sql("insert into case_conflict (case_id, organisation_code, kind, flagged_at) values (?, ?, ?, ?)")
                        .params(value.id().value(), code, kind, SqlTime.bind(conflict.at()))
                        .update();
            }
        }
    }

    /** The case, locked for the rest of the transaction: transitions on one case run one at a time. */
    Optional<StoredCase> lock(UUID id) {
        return jdbc.sql("select * from safeguarding_case where id = ? for update")
                .param(id)
                .query((rs, n) -> new StoredCase(
                        documents.openCase(rs.getBytes("document_sealed"), id),
                        rs.getString("reference"),
                        rs.getString("region")))
                .optional();
    }

    Optional<StoredCase> find(UUID id) {
        return jdbc.sql("select * from safeguarding_case where id = ?")
                .param(id)
                .query((rs, n) -> new StoredCase(
                        documents.openCase(rs.getBytes("document_sealed"), id),
                        rs.getString("reference"),
                        rs.getString("region")))
                .optional();
    }

    Optional<String> reference(UUID id) {
        return jdbc.sql("select reference from safeguarding_case where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /**
     * Of these cases, those this transaction could lock now ({@code FOR UPDATE SKIP LOCKED}: a case
     * another transaction holds is left out, not waited for), as stored.
     */
    Map<UUID, StoredCase> lockAvailable(Collection<UUID> ids) {
        return read(ids, " for update skip locked");
    }

    /** These cases as stored (those that exist), without locking them. */
    Map<UUID, StoredCase> findAll(Collection<UUID> ids) {
        return read(ids, "");
    }

    private Map<UUID, StoredCase> read(Collection<UUID> ids, String locking) {
        Map<UUID, StoredCase> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, reference, region, document_sealed from safeguarding_case where id in (:ids)" + locking)
                .param("ids", List.copyOf(ids))
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    found.put(
                            id,
                            new StoredCase(
                                    documents.openCase(rs.getBytes("document_sealed"), id),
                                    rs.getString("reference"),
                                    rs.getString("region")));
                });
        return found;
    }

    /** The referrals of each of these cases, in the order of {@link #referrals(UUID)}. */
    Map<UUID, List<Referral>> referralsOfCases(Collection<UUID> caseIds) {
        Map<UUID, List<Referral>> found = new HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select case_id, id, document_sealed from referral where case_id in (:ids)"
                        + " order by case_id, referred_at, id")
                .param("ids", List.copyOf(caseIds))
                .query(rs -> {
                    found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(documents.openReferral(rs.getBytes(3), rs.getObject(2, UUID.class)));
                });
        return found;
    }

    // ---- referrals

    List<Referral> referrals(UUID caseId) {
        return jdbc.sql("select id, document_sealed from referral where case_id = ? order by referred_at, id")
                .param(caseId)
                .query((rs, n) -> documents.openReferral(rs.getBytes(2), rs.getObject(1, UUID.class)))
                .list();
    }

    Optional<Referral> referral(UUID id) {
        return jdbc.sql("select document_sealed from referral where id = ?")
                .param(id)
                .query((rs, n) -> documents.openReferral(rs.getBytes(1), id))
                .optional();
    }

    Optional<UUID> caseOfReferral(UUID referralId) {
        return jdbc.sql("select case_id from referral where id = ?")
                .param(referralId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional();
    }

    void insert(Referral value, CaseworkRules rules) {
        writes.write(
                REFERRAL_INSERT,
                new Object[] {
                    value.id().value(),
                    value.caseId().value(),
                    value.version(),
                    value.organisation().code(),
                    value.organisation().type().name(),
                    value.basis().name(),
                    value.from() == null ? null : value.from().value(),
                    value.ladder().origin().name(),
                    value.ladder().level(),
                    value.state().name(),
                    value.risk().name(),
                    SqlTime.bind(value.referredAt()),
                    SqlTime.bind(value.acknowledgement().dueAt()),
                    SqlTime.bind(value.acknowledgement().metAt()),
                    SqlTime.bind(value.firstProtectiveAction().dueAt()),
                    SqlTime.bind(value.firstProtectiveAction().metAt()),
                    SqlTime.bind(value.outcome().dueAt()),
                    SqlTime.bind(value.outcome().metAt()),
                    SqlTime.bind(escalatedAt(value)),
                    SqlTime.bind(value.escalationDueAt(rules.ladders()).orElse(null)),
                    documents.seal(value)
                },
                false,
                () -> "");
    }

    /**
     * Stores the next version; false if another writer got there first (the caller skips). When the
     * transaction defers its writes ({@link BatchedWrites}), the answer is true and a lost race fails
     * the commit instead.
     */
    boolean update(Referral after, CaseworkRules rules) {
        return writes.write(
                REFERRAL_UPDATE,
                new Object[] {
                    after.version(),
                    after.state().name(),
                    after.risk().name(),
                    SqlTime.bind(after.acknowledgement().dueAt()),
                    SqlTime.bind(after.acknowledgement().metAt()),
                    SqlTime.bind(after.firstProtectiveAction().dueAt()),
                    SqlTime.bind(after.firstProtectiveAction().metAt()),
                    SqlTime.bind(after.outcome().dueAt()),
                    SqlTime.bind(after.outcome().metAt()),
                    SqlTime.bind(escalatedAt(after)),
                    SqlTime.bind(after.escalationDueAt(rules.ladders()).orElse(null)),
                    documents.seal(after),
                    after.id().value(),
                    after.version() - 1
                },
                true,
                () -> "referral " + after.id() + " was changed by someone else; reload and try again");
    }

    private static final String REFERRAL_INSERT = """
            insert into referral (id, case_id, version, organisation_code, organisation_type, basis,
                from_referral_id, ladder_origin, ladder_level, state, risk, referred_at,
                ack_due_at, ack_met_at, action_due_at, action_met_at, outcome_due_at, outcome_met_at,
                escalated_at, escalation_due_at, document_sealed)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String REFERRAL_UPDATE = """
            update referral set version = ?, state = ?, risk = ?, ack_due_at = ?, ack_met_at = ?,
                action_due_at = ?, action_met_at = ?, outcome_due_at = ?, outcome_met_at = ?,
                escalated_at = ?, escalation_due_at = ?, document_sealed = ?
            where id = ? and version = ?""";

    private static @Nullable Instant escalatedAt(Referral referral) {
        return referral.escalation() == null ? null : referral.escalation().at();
    }

    // ---- timeline

    void timeline(
            UUID caseId,
            Instant at,
            String kind,
            @Nullable UUID referralId,
            @Nullable String organisationCode,
            Actor actor,
            Map<String, ?> detail) {
        UUID id = UUID.randomUUID();
        Object[] row = {
            id,
            caseId,
            SqlTime.bind(at),
            kind,
            referralId,
            organisationCode,
            actor.organisation(),
            actor.role(),
            documents.sealText(CaseDocuments.JSON.writeValueAsString(detail), "case_timeline", "detail_sealed", id)
        };
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            template.batchUpdate(TIMELINE_INSERT, List.<Object[]>of(row));
            return;
        }
        pendingTimeline().add(row);
    }

    private static final String TIMELINE_INSERT = """
            insert into case_timeline (id, case_id, at, seq, kind, referral_id, organisation_code,
                                       actor_organisation, actor_role, detail_sealed)
            values (?, ?, ?, nextval('case_timeline_seq'), ?, ?, ?, ?, ?, ?)""";

    /**
     * Timeline rows wait for the end of their transaction and go in one batch, in the order they were
     * added (the sequence numbers follow that order), just before the ledger's entries.
     */
    private List<Object[]> pendingTimeline() {
        Object key = this;
        @SuppressWarnings("unchecked")
        List<Object[]> pending = (List<Object[]>) TransactionSynchronizationManager.getResource(key);
        if (pending != null) {
            return pending;
        }
        List<Object[]> fresh = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(key, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!fresh.isEmpty()) {
                    template.batchUpdate(TIMELINE_INSERT, fresh);
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public int getOrder() {
                return LOWEST_PRECEDENCE - 100;
            }
        });
        return fresh;
    }

    static @Nullable Instant metAt(Deadline deadline) {
        return deadline.metAt();
    }
}
