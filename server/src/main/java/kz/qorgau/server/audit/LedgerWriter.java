package kz.qorgau.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import kz.qorgau.ledger.AppendPlan;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.LogState;
import kz.qorgau.ledger.MerkleHashing;
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

    LedgerWriter(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
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
        long size = jdbc.sql("select size from ledger_head where id = 1 for update")
                .query(Long.class)
                .single();
        LogState state = committed.get();
        if (state.size() != size) {
            state = LogState.restore(size, store);
        }
        List<Object[]> rows = new ArrayList<>(pending.size());
        List<LedgerTicket> tickets = new ArrayList<>(pending.size());
        for (AuditTrail.Pending item : pending) {
            byte[] bytes = item.entry().toBytes();
            Hash leaf = MerkleHashing.leafHash(bytes);
            AppendPlan plan = state.append(leaf);
            store.write(plan.nodes());
            state = plan.next();
            rows.add(new Object[] {
                plan.index(),
                bytes,
                leaf.toByteArray(),
                state.root().toByteArray(),
                item.entry().type(),
                item.entry().casePseudonym() == null
                        ? null
                        : item.entry().casePseudonym().toByteArray(),
                SqlTime.bind(item.entry().time())
            });
            item.ticket().assign(plan.index());
            tickets.add(item.ticket());
        }
        template.batchUpdate("""
                insert into ledger_entries (idx, entry, leaf_hash, root_after, entry_type, case_pseudonym, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("update ledger_head set size = ? where id = 1")
                .param(state.size())
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
