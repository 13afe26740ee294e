package kz.qorgau.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import kz.qorgau.ledger.audit.AuditResult;
import kz.qorgau.ledger.note.NoteVerifier;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import kz.qorgau.server.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Someone with the database owner's rights disables the append-only triggers and changes, deletes
 * or reorders ledger rows: verification fails and names the first bad index. Each case restores the
 * rows afterwards and checks that the ledger verifies again, so that it is the tampering that fails.
 * Runs on its own database (the tampering would break other tests' ledgers).
 */
@QorgauIntegrationTest
@TestPropertySource(properties = "qorgau.test.isolation=ledger-tampering")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LedgerTamperIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LedgerKeys keys;

    @Autowired
    LedgerSettings settings;

    @BeforeEach
    void fillTheLedgerAndOpenIt() {
        for (int i = 0; i < 6; i++) {
            Http.Response response = new Http(port)
                    .postJson(
                            "/api/v1/reports",
                            Http.json(Map.of("categories", List.of("neglect"), "narrative", "n" + i)));
            assertThat(response.status()).isEqualTo(201);
        }
        // Let the cases open (they append entries too) before anyone touches the rows.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from report where case_id is null")
                                .query(Long.class)
                                .single()
                        == 0);
        checkpointer.signIfGrown();
        assertThat(verify()).isInstanceOf(AuditResult.Intact.class);
        allowTampering(true);
    }

    @AfterEach
    void closeIt() {
        allowTampering(false);
    }

    private AuditResult verify() {
        try {
            NoteVerifier key = NoteVerifier.fromVerifierKey(keys.signer().verifierKey());
            return LedgerVerification.verify(dataSource, settings.origin(), key, List.of());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void allowTampering(boolean allowed) {
        if (TestDatabase.isPostgres()) {
            for (String table : List.of("ledger_entries", "ledger_nodes")) {
                jdbc.sql("alter table " + table + (allowed ? " disable" : " enable") + " trigger user")
                        .update();
            }
        } else if (allowed) {
            jdbc.sql("drop trigger ledger_entries_append_only").update();
        } else {
            jdbc.sql("create trigger ledger_entries_append_only before update, delete on ledger_entries"
                            + " for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger'")
                    .update();
        }
    }

    private record Row(long idx, byte[] entry, byte[] leaf, byte[] root, String type, byte[] pseudonym, Object at) {}

    private Row row(long idx) {
        return jdbc.sql("select * from ledger_entries where idx = ?")
                .param(idx)
                .query((rs, n) -> new Row(
                        rs.getLong("idx"),
                        rs.getBytes("entry"),
                        rs.getBytes("leaf_hash"),
                        rs.getBytes("root_after"),
                        rs.getString("entry_type"),
                        rs.getBytes("case_pseudonym"),
                        rs.getObject("recorded_at")))
                .single();
    }

    private void insert(Row row, long idx) {
        jdbc.sql(
                        "insert into ledger_entries (idx, entry, leaf_hash, root_after, entry_type, case_pseudonym, recorded_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(idx, row.entry(), row.leaf(), row.root(), row.type(), row.pseudonym(), row.at())
                .update();
    }

    private static void assertBrokenAt(AuditResult result, long index) {
        assertThat(result).isInstanceOf(AuditResult.Broken.class);
        assertThat(((AuditResult.Broken) result).index()).as(result.toString()).isEqualTo(OptionalLong.of(index));
    }

    @Test
    void aChangedEntryIsFoundAtItsIndex() {
        Row original = row(3);
        byte[] changed = original.entry().clone();
        changed[changed.length - 1] ^= 1;
        jdbc.sql("update ledger_entries set entry = ? where idx = 3")
                .param(changed)
                .update();

        assertBrokenAt(verify(), 3);

        jdbc.sql("update ledger_entries set entry = ? where idx = 3")
                .param(original.entry())
                .update();
        assertThat(verify()).isInstanceOf(AuditResult.Intact.class);
    }

    @Test
    void aChangedEntryWithItsHashesRecomputedIsFoundByTheSignedCheckpoint() {
        Row original = row(2);
        byte[] changed = original.entry().clone();
        changed[changed.length - 1] ^= 1;
        byte[] leaf = kz.qorgau.ledger.MerkleHashing.leafHash(changed).toByteArray();
        jdbc.sql("update ledger_entries set entry = ?, leaf_hash = ? where idx = 2")
                .params(changed, leaf)
                .update();

        AuditResult result = verify();
        assertThat(result).isInstanceOf(AuditResult.Broken.class);
        assertThat(((AuditResult.Broken) result).index().orElse(-1)).isLessThanOrEqualTo(2);

        jdbc.sql("update ledger_entries set entry = ?, leaf_hash = ? where idx = 2")
                .params(original.entry(), original.leaf())
                .update();
        assertThat(verify()).isInstanceOf(AuditResult.Intact.class);
    }

    @Test
    void aDeletedEntryIsFoundAtItsIndex() {
        Row original = row(4);
        jdbc.sql("delete from ledger_entries where idx = 4").update();

        assertBrokenAt(verify(), 4);

        insert(original, 4);
        assertThat(verify()).isInstanceOf(AuditResult.Intact.class);
    }

    @Test
    void reorderedEntriesAreFoundAtTheFirstMovedIndex() {
        Row one = row(1);
        Row two = row(2);
        jdbc.sql("delete from ledger_entries where idx in (1, 2)").update();
        insert(two, 1);
        insert(one, 2);

        assertBrokenAt(verify(), 1);

        jdbc.sql("delete from ledger_entries where idx in (1, 2)").update();
        insert(one, 1);
        insert(two, 2);
        assertThat(verify()).isInstanceOf(AuditResult.Intact.class);
    }

    @Test
    void anInsertedEntryIsFound() {
        long size = jdbc.sql("select size from ledger_head").query(Long.class).single();
        Row copy = row(0);
        insert(copy, size);
        AuditResult result = verify();
        // An extra row past the signed size is not yet covered by a checkpoint, but its stored root
        // must match the recomputed tree, and a copy of entry 0 cannot.
        assertBrokenAt(result, size);
        jdbc.sql("delete from ledger_entries where idx = ?").param(size).update();
        assertThat(verify()).isInstanceOf(AuditResult.Intact.class);
    }
}
