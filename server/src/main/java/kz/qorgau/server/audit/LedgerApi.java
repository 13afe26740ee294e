package kz.qorgau.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import kz.qorgau.ledger.ConsistencyProof;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.InclusionProof;
import kz.qorgau.ledger.LogProofs;
import kz.qorgau.ledger.entry.LedgerEntry;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger over HTTP: the latest signed checkpoint and the verifier key for anyone, inclusion and
 * consistency proofs for anyone, single entries for oversight.
 */
@RestController
@Tag(name = "Ledger", description = "The tamper-evident ledger (docs/ledger.md)")
class LedgerApi {

    private final Checkpointer checkpointer;
    private final LedgerWriter writer;
    private final LedgerKeys keys;
    private final JdbcClient jdbc;

    LedgerApi(Checkpointer checkpointer, LedgerWriter writer, LedgerKeys keys, JdbcClient jdbc) {
        this.checkpointer = checkpointer;
        this.writer = writer;
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/api/v1/ledger/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint as a signed note)")
    ResponseEntity<String> checkpoint() {
        return checkpointer
                .latest()
                .map(note ->
                        ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(note))
                .orElseThrow(() -> new NotFoundException("The ledger is empty; there is no checkpoint yet."));
    }

    @GetMapping(path = "/api/v1/ledger/key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The checkpoint verifier key (signed-note verifier format)")
    ResponseEntity<String> key() {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .body(keys.signer().verifierKey() + "\n");
    }

    record Proof(long index, long treeSize, List<String> hashes) {}

    record Consistency(long from, long to, List<String> hashes) {}

    @GetMapping("/api/v1/ledger/proofs/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of entry 'index' in the tree of the first 'treeSize' entries")
    Proof inclusion(@RequestParam long index, @RequestParam long treeSize) {
        long size = writer.size();
        if (treeSize < 1 || treeSize > size) {
            throw new InvalidInputException("treeSize", "range", "must be between 1 and the log's size " + size);
        }
        if (index < 0 || index >= treeSize) {
            throw new InvalidInputException("index", "range", "must be at least 0 and less than treeSize " + treeSize);
        }
        InclusionProof proof = LogProofs.inclusionProof(writer.store(), size, index, treeSize);
        return new Proof(
                index, treeSize, proof.hashes().stream().map(Hash::toBase64).toList());
    }

    @GetMapping("/api/v1/ledger/proofs/consistency")
    @Operation(summary = "RFC 9162 consistency proof between the trees of the first 'from' and 'to' entries")
    Consistency consistency(@RequestParam long from, @RequestParam long to) {
        long size = writer.size();
        if (to < 1 || to > size) {
            throw new InvalidInputException("to", "range", "must be between 1 and the log's size " + size);
        }
        if (from < 1 || from > to) {
            throw new InvalidInputException("from", "range", "must be at least 1 and at most 'to' (" + to + ")");
        }
        ConsistencyProof proof = LogProofs.consistencyProof(writer.store(), size, from, to);
        return new Consistency(
                from, to, proof.hashes().stream().map(Hash::toBase64).toList());
    }

    record Entry(
            long index,
            String bytes,
            String leafHash,
            String type,
            @Nullable String casePseudonym,
            String actorOrganisation,
            String actorRole,
            Instant time,
            String contentSha256) {}

    @GetMapping("/api/v1/ledger/entries/{index}")
    @Operation(summary = "One entry, its canonical bytes and its fields (oversight only)")
    Entry entry(@PathVariable long index) {
        if (index < 0) {
            throw new InvalidInputException("index", "range", "must be at least 0");
        }
        record Row(byte[] bytes, byte[] leaf) {}
        Row row = jdbc.sql("select entry, leaf_hash from ledger_entries where idx = ?")
                .param(index)
                .query((rs, n) -> new Row(rs.getBytes(1), rs.getBytes(2)))
                .optional()
                .orElseThrow(() -> new NotFoundException("There is no entry " + index + "."));
        LedgerEntry entry = LedgerEntry.fromBytes(row.bytes());
        return new Entry(
                index,
                java.util.Base64.getEncoder().encodeToString(row.bytes()),
                java.util.Base64.getEncoder().encodeToString(row.leaf()),
                entry.type(),
                entry.casePseudonym() == null
                        ? null
                        : HexFormat.of().formatHex(entry.casePseudonym().toByteArray()),
                entry.actorOrganisation(),
                entry.actorRole(),
                entry.time(),
                entry.contentSha256().toBase64());
    }
}
