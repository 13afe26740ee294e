package kz.qorgau.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import kz.qorgau.ledger.audit.AuditResult;
import kz.qorgau.ledger.audit.CheckpointRecord;
import kz.qorgau.ledger.audit.LedgerRow;
import kz.qorgau.ledger.audit.LogAuditor;
import kz.qorgau.ledger.note.NoteVerifier;

/**
 * Verifies the stored ledger, for {@code qorgau ledger verify}: streams {@code ledger_entries} in index
 * order (constant memory) and the stored checkpoints through the ledger library's auditor, which
 * recomputes the tree, checks every stored leaf hash and root, every checkpoint's signature and that
 * each checkpoint is consistent with the entries and with the next.
 */
public final class LedgerVerification {

    private static final int FETCH_SIZE = 2_000;

    private LedgerVerification() {}

    /**
     * Runs the audit in one read-only transaction.
     *
     * @param logKey the verifier key the checkpoints must be signed with
     * @param external checkpoints held outside (e.g. by a witness) to check as well
     */
    public static AuditResult verify(
            DataSource dataSource, String origin, NoteVerifier logKey, List<CheckpointRecord> external)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement entries = connection.prepareStatement(
                            "select idx, entry, leaf_hash, root_after from ledger_entries order by idx");
                    PreparedStatement checkpoints = connection.prepareStatement(
                            "select size, note from ledger_checkpoints order by signed_at, size")) {
                entries.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = entries.executeQuery();
                        ResultSet notes = checkpoints.executeQuery()) {
                    AuditResult result = new LogAuditor(origin, logKey, List.of())
                            .audit(
                                    new Rows<>(
                                            rows,
                                            rs -> new LedgerRow(
                                                    rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4))),
                                    new Rows<>(
                                            notes,
                                            rs -> new CheckpointRecord(
                                                    "stored checkpoint of size " + rs.getLong(1), rs.getString(2))),
                                    external);
                    connection.rollback();
                    return result;
                }
            }
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A result set as an iterator; SQL failures surface as {@link IllegalStateException}. */
    private static final class Rows<T> implements Iterator<T> {
        private final ResultSet rs;
        private final RowReader<T> reader;
        private Boolean ready;

        Rows(ResultSet rs, RowReader<T> reader) {
            this.rs = rs;
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (ready == null) {
                try {
                    ready = rs.next();
                } catch (SQLException e) {
                    throw new IllegalStateException("reading the ledger failed: " + e.getMessage(), e);
                }
            }
            return ready;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = null;
            try {
                return reader.read(rs);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the ledger failed: " + e.getMessage(), e);
            }
        }
    }
}
