package kz.qorgau.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import kz.qorgau.ledger.note.CosignatureVerifier;
import kz.qorgau.ledger.note.Cosigner;
import kz.qorgau.ledger.note.MalformedNoteException;
import kz.qorgau.ledger.note.NoteSigner;
import kz.qorgau.ledger.note.NoteVerifier;
import kz.qorgau.ledger.note.SignedNote;
import org.junit.jupiter.api.Test;

/** C2SP tlog-checkpoints: text format, signing, opening, and refusal of malformed or wrongly signed ones. */
class CheckpointsTest {

    private static final String ORIGIN = "qorgau.example.kz/ledger";
    private static final Hash ROOT = Hash.fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");

    private final NoteSigner signer = NoteSigner.fromSignerKey(
            NoteSigner.generateKeyPair(ORIGIN, seeded(11)).signerKey());

    @Test
    void theNoteTextIsOriginSizeAndBase64Root() {
        assertThat(Checkpoint.of(ORIGIN, 20852163, ROOT).toNoteText())
                .isEqualTo("qorgau.example.kz/ledger\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(new Checkpoint(ORIGIN, 0, MerkleHashing.emptyRoot(), List.of("ext one")).toNoteText())
                .isEqualTo("qorgau.example.kz/ledger\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\n");
    }

    @Test
    void aSignedCheckpointOpensWithTheLogKeyAndRoundTrips() {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 1042, ROOT, List.of("extension"));
        String signed = checkpoint.sign(signer);

        CheckpointVerification result = Checkpoint.open(signed, signer.verifier());

        assertThat(result).isInstanceOfSatisfying(CheckpointVerification.Verified.class, v -> {
            assertThat(v.checkpoint()).isEqualTo(checkpoint);
            assertThat(v.note().encode()).isEqualTo(signed);
        });
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrChangedIsRejected() {
        String signed = Checkpoint.of(ORIGIN, 5, ROOT).sign(signer);
        NoteVerifier impostor = NoteVerifier.fromVerifierKey(
                NoteSigner.generateKeyPair(ORIGIN, seeded(12)).verifierKey());

        assertThat(Checkpoint.open(signed, impostor)).isInstanceOf(CheckpointVerification.Rejected.class);
        assertThat(Checkpoint.open(signed.replace("\n5\n", "\n6\n"), signer.verifier()))
                .isInstanceOfSatisfying(
                        CheckpointVerification.Rejected.class,
                        r -> assertThat(r.reason()).contains("does not verify"));
    }

    @Test
    void aWitnessCosignatureIsCheckedWhenTheWitnessKeyIsKnown() {
        Cosigner witness = Cosigner.fromSignerKey(
                Cosigner.generateKeyPair("witness.example.org", seeded(13)).signerKey());
        String text = Checkpoint.of(ORIGIN, 7, ROOT).toNoteText();
        SignedNote cosigned = SignedNote.of(text, signer.sign(text)).withSignature(witness.cosign(text, 1_750_000_000));
        CosignatureVerifier witnessKey = witness.verifier();

        assertThat(Checkpoint.open(cosigned.encode(), signer.verifier(), List.of(witnessKey)))
                .isInstanceOfSatisfying(
                        CheckpointVerification.Verified.class,
                        v -> assertThat(v.signatures()).hasSize(2));
        String witnessOnly =
                SignedNote.of(text, witness.cosign(text, 1_750_000_000)).encode();
        assertThat(Checkpoint.open(witnessOnly, signer.verifier(), List.of(witnessKey)))
                .as("a witness cosignature alone is not the log's signature")
                .isInstanceOfSatisfying(
                        CheckpointVerification.Rejected.class,
                        r -> assertThat(r.reason()).contains("not signed by the log's key"));
    }

    @Test
    void malformedCheckpointTextsAreRejectedNamingTheLine() {
        assertMalformed("origin\n007\n" + ROOT.toBase64() + "\n", 2, "without leading zeros");
        assertMalformed("origin\n-1\n" + ROOT.toBase64() + "\n", 2, "decimal number");
        assertMalformed("origin\n99999999999999999999\n" + ROOT.toBase64() + "\n", 2, "too large");
        assertMalformed("origin\n12\nAAAA\n", 3, "32 bytes");
        assertMalformed("origin\n12\n", 3, "at least three lines");
        assertMalformed("\n12\n" + ROOT.toBase64() + "\n", 1, "origin line is empty");
        assertMalformed("origin\n12\n" + ROOT.toBase64() + "\n\nmore\n", 4, "extension lines must not be empty");
        String badRoot = ROOT.toBase64().replace("=", "");
        assertMalformed("origin\n12\n" + badRoot + "\n", 3, "canonical base64");
    }

    @Test
    void aMalformedSignedCheckpointIsRejectedWithTheLineInTheReason() {
        String signed = Checkpoint.of(ORIGIN, 5, ROOT).sign(signer);
        assertThat(Checkpoint.open(signed.replace("\n5\n", "\n05\n"), signer.verifier()))
                .isInstanceOfSatisfying(
                        CheckpointVerification.Rejected.class,
                        r -> assertThat(r.reason()).contains("line 2"));
    }

    private static void assertMalformed(String text, int line, String messagePart) {
        assertThatThrownBy(() -> Checkpoint.parseNoteText(text))
                .isInstanceOfSatisfying(
                        MalformedNoteException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageContaining(messagePart);
    }

    static SecureRandom seeded(long seed) {
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
