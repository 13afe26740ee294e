package kz.qorgau.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kz.qorgau.ledger.entry.LedgerEntry;
import kz.qorgau.ledger.note.Cosigner;
import kz.qorgau.ledger.note.NoteSigner;
import kz.qorgau.ledger.note.NoteVerifier;
import kz.qorgau.ledger.note.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party verification for real: Go's {@code golang.org/x/mod/sumdb/note} and {@code sumdb/tlog} check a
 * checkpoint, a witness cosignature and proofs written by this library, and Go's tree and key come back and
 * verify here. Needs Go and x/mod from Debian ({@code apt-get install golang-go golang-golang-x-mod-dev});
 * aborts, saying so, where they are missing.
 */
class GoToolsAgreeWithTheLedgerTest {

    private static final Path GO_PATH = Path.of("/usr/share/gocode");
    private static final String ORIGIN = "qorgau.example.kz/ledger";

    @Test
    void goVerifiesOurCheckpointsAndProofsAndWeVerifyGos(@TempDir Path dir) throws Exception {
        requireGo();
        NoteSigner signer = NoteSigner.fromSignerKey(
                NoteSigner.generateKeyPair(ORIGIN, seeded(1)).signerKey());
        Cosigner witness = Cosigner.fromSignerKey(
                Cosigner.generateKeyPair("witness.example.org/w1", seeded(2)).signerKey());
        MerkleLog log = MerkleLog.create(HashStore.inMemory());
        List<String> hexEntries = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            byte[] entry = LedgerEntry.forCase(
                            "case.read",
                            Hash.sha256(new byte[] {(byte) (i % 3)}),
                            "KZ-QYZ-SCH-012",
                            "safeguarding_lead",
                            Instant.parse("2025-03-14T09:00:00Z").plusSeconds(60L * i),
                            Hash.sha256(new byte[] {(byte) i}))
                    .toBytes();
            hexEntries.add(HexFormat.of().formatHex(entry));
            log.append(entry);
        }
        String text = Checkpoint.of(ORIGIN, 13, log.root()).toNoteText();
        SignedNote checkpoint =
                SignedNote.of(text, signer.sign(text)).withSignature(witness.cosign(text, 1_741_950_000L));
        write(dir, "vkey", signer.verifierKey());
        write(dir, "witness-vkey", witness.verifier().verifierKey());
        write(dir, "checkpoint", checkpoint.encode());
        write(dir, "old-checkpoint", Checkpoint.of(ORIGIN, 6, log.rootAt(6)).sign(signer));
        write(dir, "entries.hex", String.join("\n", hexEntries) + "\n");
        write(dir, "inclusion-index", "9");
        write(dir, "inclusion", base64Lines(log.inclusionProof(9, 13).hashes()));
        write(dir, "consistency", base64Lines(log.consistencyProof(6, 13).hashes()));

        String output = runGo(dir);

        assertThat(output)
                .contains(
                        "OK checkpoint size 13 signed by qorgau.example.kz/ledger and cosigned by witness.example.org/w1")
                .contains("OK inclusion of entry 9")
                .contains("OK consistency 6 -> 13")
                .contains("OK changed entry rejected");
        NoteVerifier goKey = NoteVerifier.fromVerifierKey(Files.readString(dir.resolve("go-vkey")));
        CheckpointVerification fromGo = Checkpoint.open(Files.readString(dir.resolve("go-checkpoint")), goKey);
        assertThat(fromGo)
                .isInstanceOfSatisfying(
                        CheckpointVerification.Verified.class,
                        v -> assertThat(v.checkpoint()).isEqualTo(Checkpoint.of(ORIGIN, 13, log.root())));
    }

    private static String runGo(Path dir) throws IOException, InterruptedException {
        Path program = dir.resolve("main.go");
        try (InputStream source = GoToolsAgreeWithTheLedgerTest.class.getResourceAsStream("gocheck/main.go")) {
            Files.copy(source, program);
        }
        ProcessBuilder builder =
                new ProcessBuilder("go", "run", program.toString(), dir.toString()).redirectErrorStream(true);
        builder.environment().put("GO111MODULE", "off");
        builder.environment().put("GOPATH", GO_PATH.toString());
        builder.environment()
                .put(
                        "GOCACHE",
                        Path.of("target", "go-build-cache").toAbsolutePath().toString());
        builder.environment().put("GOFLAGS", "");
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("go run did not finish in 180 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static void requireGo() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("go", "version")
                    .redirectErrorStream(true)
                    .start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                abort("'go version' failed; install Go to run the Go cross-check");
            }
        } catch (IOException e) {
            abort("Go is not installed, so the cross-check with Go's sumdb/note and sumdb/tlog is skipped"
                    + " (apt-get install golang-go golang-golang-x-mod-dev)");
        }
        if (!Files.isDirectory(GO_PATH.resolve("src/golang.org/x/mod/sumdb/tlog"))) {
            abort("golang.org/x/mod is not installed under " + GO_PATH
                    + ", so the Go cross-check is skipped (apt-get install golang-golang-x-mod-dev)");
        }
    }

    private static String base64Lines(List<Hash> hashes) {
        StringBuilder out = new StringBuilder();
        hashes.forEach(h -> out.append(h.toBase64()).append('\n'));
        return out.toString();
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static SecureRandom seeded(long seed) {
        Random random = new Random(seed);
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }
        };
    }
}
