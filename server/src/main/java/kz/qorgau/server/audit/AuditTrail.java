package kz.qorgau.server.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.entry.LedgerEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes and reads of case data in the ledger, inside the transaction that makes them: the
 * entries are appended just before that transaction commits, so there is no change without its entry
 * and no entry without its change.
 */
@Service
public class AuditTrail {

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private final LedgerWriter writer;
    private final LedgerKeys keys;
    private final Clock clock;

    AuditTrail(LedgerWriter writer, LedgerKeys keys, Clock clock) {
        this.writer = writer;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Records an entry in the current transaction.
     *
     * @param type what happened, e.g. {@code report.filed}, {@code case.read}
     * @param caseId the case it is about, or {@code null}
     * @param content what changed or was read; only its SHA-256 (over canonical JSON with sorted keys)
     *     enters the ledger
     * @throws IllegalStateException outside a read-write transaction
     */
    public LedgerTicket record(String type, @Nullable UUID caseId, Actor actor, Map<String, ?> content) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException(
                    "ledger entries are recorded inside the read-write transaction of the change they record");
        }
        // The entry's time is set when it is appended, under the ledger's lock, so that times grow with
        // the index; until then a placeholder time is checked with the other fields.
        LedgerEntry entry = new LedgerEntry(
                type,
                caseId == null ? null : keys.pseudonym(caseId),
                actor.organisation(),
                actor.role(),
                clock.instant(),
                contentHash(content));
        LedgerTicket ticket = new LedgerTicket();
        pending().add(new Pending(entry, ticket));
        return ticket;
    }

    /** The SHA-256 of canonical JSON (keys sorted) of the content. */
    static Hash contentHash(Map<String, ?> content) {
        String json = CANONICAL.writeValueAsString(sorted(content));
        return Hash.sha256(json.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AuditTrail::sorted).toList();
        }
        return value;
    }

    record Pending(LedgerEntry entry, LedgerTicket ticket) {}

    private List<Pending> pending() {
        Object key = this;
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            List<Pending> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    writer.append(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                    if (status == STATUS_COMMITTED) {
                        writer.committed();
                    } else {
                        writer.rolledBack();
                    }
                }

                @Override
                public int getOrder() {
                    // After every other synchronisation's beforeCommit: the ledger lock is taken last.
                    return LOWEST_PRECEDENCE;
                }
            });
            return fresh;
        }
        return pending;
    }
}
