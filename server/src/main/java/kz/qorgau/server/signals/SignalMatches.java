package kz.qorgau.server.signals;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.casework.Casework;
import kz.qorgau.server.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a signal on a case's timeline once per case, source and subject (an ad, an alert, a school
 * upload of a student): {@link Casework#recordSignalMatch} adds the timeline entry, tells the
 * organisations working the case and records the ledger entry. Runs inside the ingestion's transaction.
 */
@Component
class SignalMatches {

    private final JdbcClient jdbc;
    private final Casework casework;
    private final Clock clock;

    SignalMatches(JdbcClient jdbc, Casework casework, Clock clock) {
        this.jdbc = jdbc;
        this.casework = casework;
        this.clock = clock;
    }

    /**
     * Records the match unless this case already has one for this subject.
     *
     * @return whether it was new
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean recordOnce(UUID caseId, String source, String subject, String summary, Map<String, ?> evidence) {
        boolean known = jdbc.sql("select count(*) from signal_match where case_id = ? and source = ? and subject = ?")
                        .params(caseId, source, subject)
                        .query(Long.class)
                        .single()
                > 0;
        if (known) {
            return false;
        }
        jdbc.sql("insert into signal_match (case_id, source, subject, matched_at) values (?, ?, ?, ?)")
                .params(caseId, source, subject, SqlTime.bind(clock.instant()))
                .update();
        casework.recordSignalMatch(caseId, source, summary, evidence);
        return true;
    }

    /** Whether a signal about this subject was recorded on this case. */
    @Transactional(readOnly = true)
    boolean exists(UUID caseId, String source, String subject) {
        return jdbc.sql("select count(*) from signal_match where case_id = ? and source = ? and subject = ?")
                        .params(caseId, source, subject)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
