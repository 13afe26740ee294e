package kz.qorgau.server.signals;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of each ingestion, and the lock that runs ingestions of one kind one at a time. */
@Component
class SignalBatches {

    private final JdbcClient jdbc;

    SignalBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for other ingestions of this kind to commit; held until this transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(String kind) {
        jdbc.sql("select name from signal_lock where name = ? for update")
                .param(kind)
                .query(String.class)
                .single();
    }

    /** What one ingestion came to. */
    record Counts(long rowsRead, long rowsRejected, int results, int matches) {}

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(UUID id, String kind, Instant at, StaffMember by, Counts counts) {
        jdbc.sql("""
                        insert into signal_batch (id, kind, received_at, organisation_code, actor_role, rows_read,
                                                  rows_rejected, results, matches)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        kind,
                        SqlTime.bind(at),
                        by.organisationCode(),
                        by.role().code(),
                        counts.rowsRead(),
                        counts.rowsRejected(),
                        counts.results(),
                        counts.matches())
                .update();
    }
}
