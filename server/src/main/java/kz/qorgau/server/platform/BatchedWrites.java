package kz.qorgau.server.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that a bulk job lets wait until the end of its transaction, to send them in JDBC batches
 * (one round trip per statement and batch instead of one per row).
 *
 * <p>Off by default: {@link #write} runs the statement at once, as if this class were not there. A
 * job that knows it reads nothing back of what it writes — the escalation sweep — calls {@link
 * #deferInThisTransaction()}; from then on, until its transaction ends, {@link #write} queues the
 * row and the queue is flushed just before commit, ahead of the case timeline and the ledger,
 * grouped by statement in the order each statement was first used (so a row may refer to rows of a
 * statement used before it, as a delivery refers to its notice). A row written with {@code
 * exactlyOneRow} that changes no row (a version-conditioned update that lost a race) fails the
 * commit with {@code concurrent-change}, and the whole transaction rolls back: nothing is half
 * written.
 */
@Component
public class BatchedWrites {

    private final JdbcTemplate template;

    BatchedWrites(JdbcTemplate template) {
        this.template = template;
    }

    /** From now until the current transaction ends, {@link #write} queues rows instead of running them. */
    public void deferInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("writes are deferred within a transaction only");
        }
        if (queue() != null) {
            return;
        }
        Queue queue = new Queue();
        TransactionSynchronizationManager.bindResource(key(), queue);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                queue.flush(template);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key());
            }

            @Override
            public int getOrder() {
                return LOWEST_PRECEDENCE - 200;
            }
        });
    }

    /** Whether {@link #write} queues in the current transaction. */
    public boolean deferring() {
        return queue() != null;
    }

    /**
     * Runs {@code sql} with {@code args} now, or queues it when the current transaction defers writes.
     *
     * @param exactlyOneRow the statement must change exactly one row; when run at once, the answer
     *     says whether it did; when queued, a statement that does not fails the commit
     * @param conflict what a failed {@code exactlyOneRow} statement means, for the message
     * @return whether the row was changed (always true when queued: the commit checks it)
     */
    public boolean write(String sql, Object[] args, boolean exactlyOneRow, Supplier<String> conflict) {
        Queue queue = queue();
        if (queue == null) {
            int changed = template.update(sql, args);
            return !exactlyOneRow || changed == 1;
        }
        queue.add(sql, args, exactlyOneRow, conflict);
        return true;
    }

    private Object key() {
        return this;
    }

    private @org.jspecify.annotations.Nullable Queue queue() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (Queue) TransactionSynchronizationManager.getResource(key())
                : null;
    }

    private static final class Queue {
        private record Row(Object[] args, boolean exactlyOneRow, Supplier<String> conflict) {}

        private final Map<String, List<Row>> bySql = new LinkedHashMap<>();

        void add(String sql, Object[] args, boolean exactlyOneRow, Supplier<String> conflict) {
            bySql.computeIfAbsent(sql, s -> new ArrayList<>()).add(new Row(args, exactlyOneRow, conflict));
        }

        void flush(JdbcTemplate template) {
            for (Map.Entry<String, List<Row>> group : bySql.entrySet()) {
                List<Row> rows = group.getValue();
                List<Object[]> args = new ArrayList<>(rows.size());
                rows.forEach(row -> args.add(row.args()));
                int[] changed = template.batchUpdate(group.getKey(), args);
                for (int i = 0; i < rows.size(); i++) {
                    // SUCCESS_NO_INFO (-2): the driver ran the row but did not count; only rows that
                    // report a count can be checked, and both drivers used here do report one.
                    if (rows.get(i).exactlyOneRow()
                            && changed[i] != 1
                            && changed[i] != java.sql.Statement.SUCCESS_NO_INFO) {
                        throw new RuleViolationException(
                                "concurrent-change", rows.get(i).conflict().get());
                    }
                }
            }
            bySql.clear();
        }
    }
}
