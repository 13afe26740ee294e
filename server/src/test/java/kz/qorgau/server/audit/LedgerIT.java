package kz.qorgau.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import kz.qorgau.ledger.Checkpoint;
import kz.qorgau.ledger.CheckpointVerification;
import kz.qorgau.ledger.ConsistencyProof;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.InclusionProof;
import kz.qorgau.ledger.MerkleHashing;
import kz.qorgau.ledger.note.NoteVerifier;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The ledger through the API, as a reporter, oversight and any third party use it. */
@QorgauIntegrationTest
class LedgerIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Checkpointer checkpointer;

    private JsonNode fileReport(String narrative) {
        Http.Response response = new Http(port)
                .postJson(
                        "/api/v1/reports",
                        Http.json(Map.of(
                                "categories", List.of("neglect"), "narrative", narrative, "childName", "Айдана")));
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    private String oversightToken() {
        return fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.COMMISSIONER), Role.OVERSIGHT), "ledger:read");
    }

    private static Hash hash(String base64) {
        return Hash.fromBase64(base64);
    }

    @Test
    void aFiledReportHasAnEntryWithoutPersonalDataAndAnInclusionProofAgainstASignedCheckpoint() {
        String marker = "LEDGER-MARKER-" + System.nanoTime();
        JsonNode receipt = fileReport(marker);
        long index = receipt.get("ledgerIndex").asLong();

        JsonNode entry = new Http(port)
                .get("/api/v1/ledger/entries/" + index, Fixtures.bearer(oversightToken()))
                .json();
        assertThat(entry.get("type").asString()).isEqualTo("report.filed");
        assertThat(entry.get("actorOrganisation").asString()).isEqualTo("public");
        byte[] bytes = Base64.getDecoder().decode(entry.get("bytes").asString());
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .doesNotContain(marker)
                .doesNotContain("Айдана");
        byte[] stored = jdbc.sql("select entry from ledger_entries where idx = ?")
                .param(index)
                .query(byte[].class)
                .single();
        assertThat(stored).isEqualTo(bytes);

        checkpointer.signIfGrown();
        Http http = new Http(port);
        String key = http.get("/api/v1/ledger/key").body().trim();
        Http.Response note = http.get("/api/v1/ledger/checkpoint");
        assertThat(note.contentType()).startsWith("text/plain");
        CheckpointVerification verification = Checkpoint.open(note.body(), NoteVerifier.fromVerifierKey(key));
        assertThat(verification).isInstanceOf(CheckpointVerification.Verified.class);
        Checkpoint checkpoint = ((CheckpointVerification.Verified) verification).checkpoint();
        assertThat(checkpoint.size()).isGreaterThan(index);

        JsonNode proof = http.get("/api/v1/ledger/proofs/inclusion?index=" + index + "&treeSize=" + checkpoint.size())
                .json();
        InclusionProof inclusion = new InclusionProof(
                index,
                checkpoint.size(),
                proof.get("hashes").valueStream().map(h -> hash(h.asString())).toList());
        assertThat(inclusion
                        .verify(MerkleHashing.leafHash(bytes), checkpoint.root())
                        .isValid())
                .isTrue();
        assertThat(inclusion
                        .verify(MerkleHashing.leafHash(new byte[] {1}), checkpoint.root())
                        .isValid())
                .isFalse();
    }

    @Test
    void consecutiveCheckpointsAreConsistent() {
        fileReport("first");
        checkpointer.signIfGrown();
        Http http = new Http(port);
        NoteVerifier key = NoteVerifier.fromVerifierKey(
                http.get("/api/v1/ledger/key").body().trim());
        Checkpoint older = ((CheckpointVerification.Verified)
                        Checkpoint.open(http.get("/api/v1/ledger/checkpoint").body(), key))
                .checkpoint();
        fileReport("second");
        checkpointer.signIfGrown();
        Checkpoint newer = ((CheckpointVerification.Verified)
                        Checkpoint.open(http.get("/api/v1/ledger/checkpoint").body(), key))
                .checkpoint();
        assertThat(newer.size()).isGreaterThan(older.size());

        JsonNode proof = http.get("/api/v1/ledger/proofs/consistency?from=" + older.size() + "&to=" + newer.size())
                .json();
        ConsistencyProof consistency = new ConsistencyProof(
                older.size(),
                newer.size(),
                proof.get("hashes").valueStream().map(h -> hash(h.asString())).toList());
        assertThat(consistency.verify(older.root(), newer.root()).isValid()).isTrue();
    }

    @Test
    void badProofRequestsAreRefusedWithProblems() {
        fileReport("for sizes");
        Http http = new Http(port);
        long size = jdbc.sql("select size from ledger_head").query(Long.class).single();
        for (String query : List.of(
                "/api/v1/ledger/proofs/inclusion?index=" + size + "&treeSize=" + size,
                "/api/v1/ledger/proofs/inclusion?index=0&treeSize=" + (size + 1000),
                "/api/v1/ledger/proofs/inclusion?index=-1&treeSize=" + size,
                "/api/v1/ledger/proofs/inclusion?index=abc&treeSize=" + size,
                "/api/v1/ledger/proofs/inclusion?treeSize=" + size,
                "/api/v1/ledger/proofs/consistency?from=2&to=1",
                "/api/v1/ledger/proofs/consistency?from=1&to=" + (size + 1000),
                "/api/v1/ledger/proofs/consistency?from=-3&to=1",
                "/api/v1/ledger/proofs/consistency?from=x&to=y")) {
            Http.Response response = http.get(query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void entriesAreForOversightOnly() {
        long index = fileReport("entries").get("ledgerIndex").asLong();
        Http http = new Http(port);
        assertThat(http.get("/api/v1/ledger/entries/" + index).status()).isEqualTo(401);
        String worker = fixtures.token(fixtures.staff(fixtures.school(), Role.CASE_WORKER), "cases:read");
        assertThat(http.get("/api/v1/ledger/entries/" + index, Fixtures.bearer(worker))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/ledger/entries/999999999", Fixtures.bearer(oversightToken()))
                        .status())
                .isEqualTo(404);
        String oversightWithoutLedgerScope = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.COMMISSIONER), Role.OVERSIGHT), "cases:read");
        assertThat(http.get("/api/v1/ledger/entries/" + index, Fixtures.bearer(oversightWithoutLedgerScope))
                        .status())
                .as("the ledger:read scope is needed, not only the role")
                .isEqualTo(403);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteLedgerRows() {
        long index = fileReport("append only").get("ledgerIndex").asLong();
        assertThatThrownBy(() -> jdbc.sql("update ledger_entries set entry_type = 'x' where idx = ?")
                        .param(index)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_entries where idx = ?")
                        .param(index)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_nodes where level = 0 and idx = ?")
                        .param(index)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from report").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from ledger_entries where idx = ?")
                        .param(index)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void filingAReportWritesExactlyOneEntryInItsTransaction() {
        long before = jdbc.sql("select count(*) from ledger_entries where entry_type = 'report.filed'")
                .query(Long.class)
                .single();
        JsonNode receipt = fileReport("exactly one");
        long after = jdbc.sql("select count(*) from ledger_entries where entry_type = 'report.filed'")
                .query(Long.class)
                .single();
        assertThat(after - before).isEqualTo(1);
        assertThat(jdbc.sql("select entry_type from ledger_entries where idx = ?")
                        .param(receipt.get("ledgerIndex").asLong())
                        .query(String.class)
                        .single())
                .isEqualTo("report.filed");
    }
}
