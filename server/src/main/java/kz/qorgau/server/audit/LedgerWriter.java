package kz.qorgau.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import kz.qorgau.ledger.AppendPlan;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.LogState;
import kz.qorgau.ledger.MerkleHashing;
import kz.qorgau.ledger.entry.LedgerEntry;
import kz.qorgau.server.platform.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends entries to the ledger tables. The single row of {@code ledger_head} is locked for the
 * append, so that indices are dense and ordered even with several server instances on one database;
 * the tree's right edge is cached between appends and rebuilt from the stored nodes (O(log n) reads)
 * when another instance appended in between.
 */
@Component
final class LedgerWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JdbcHashStore store;
    private final AtomicReference<LogState> committed = new AtomicReference<>(LogState.empty());
    private final ThreadLocal<InFlight> inFlight = new ThreadLocal<>();

    private record InFlight(LogState state, List<LedgerTicket> tickets) {}

    private final Clock clock;

    LedgerWriter(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.store = new JdbcHashStore(jdbc, template);
    }

    JdbcHashStore store() {
        return store;
    }

    /** Appends the entries in the current transaction; called just before it commits. */
    void append(List<AuditTrail.Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        record Head(long size, long lastTimeMicros) {}
        Head head = jdbc.sql("select size, last_time_micros from ledger_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2)))
                .single();
        long size = head.size();
        // Times never go backwards with the index, even if the system clock steps back.
        Instant now = clock.instant();
        Instant last = Instant.EPOCH.plus(head.lastTimeMicros(), ChronoUnit.MICROS);
        Instant time = now.isBefore(last) ? last : now;
        LogState state = committed.get();
        if (state.size() != size) {
            state = LogState.restore(size, store);
        }
        List<Object[]> rows = new ArrayList<>(pending.size());
        List<LedgerTicket> tickets = new ArrayList<>(pending.size());
        for (AuditTrail.Pending item : pending) {
            LedgerEntry recorded = item.entry();
            LedgerEntry entry = new LedgerEntry(
                    recorded.type(),
                    recorded.casePseudonym(),
                    recorded.actorOrganisation(),
                    recorded.actorRole(),
                    time,
                    recorded.contentSha256());
            byte[] bytes = entry.toBytes();
            Hash leaf = MerkleHashing.leafHash(bytes);
            AppendPlan plan = state.append(leaf);
            store.write(plan.nodes());
            state = plan.next();
            rows.add(new Object[] {
                plan.index(),
                bytes,
                leaf.toByteArray(),
                state.root().toByteArray(),
                entry.type(),
                entry.casePseudonym() == null ? null : entry.casePseudonym().toByteArray(),
                SqlTime.bind(entry.time())
            });
            item.ticket().assign(plan.index());
            tickets.add(item.ticket());
        }
        template.batchUpdate("""
                insert into ledger_entries (idx, entry, leaf_hash, root_after, entry_type, case_pseudonym, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("update ledger_head set size = ?, last_time_micros = ? where id = 1")
                .params(state.size(), time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000)
                .update();
        inFlight.set(new InFlight(state, tickets));
    }

    void committed() {
        InFlight done = inFlight.get();
        inFlight.remove();
        if (done != null) {
            committed.accumulateAndGet(done.state(), (old, next) -> next.size() > old.size() ? next : old);
        }
    }

    void rolledBack() {
        InFlight failed = inFlight.get();
        inFlight.remove();
        if (failed != null) {
            failed.tickets().forEach(ticket -> ticket.assign(-1));
        }
    }

    /** The size of the log as committed. */
    long size() {
        return jdbc.sql("select size from ledger_head where id = 1")
                .query(Long.class)
                .single();
    }
}
