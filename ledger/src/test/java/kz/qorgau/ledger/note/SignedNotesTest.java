package kz.qorgau.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Signing, opening and rejecting signed notes with Qorgau's own keys. */
class SignedNotesTest {

    private static final String NAME = "qorgau.example.kz/ledger";
    private static final String TEXT = "qorgau.example.kz/ledger\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n";

    private final NoteKeyPair keys = NoteSigner.generateKeyPair(NAME, seeded(1));
    private final NoteSigner signer = NoteSigner.fromSignerKey(keys.signerKey());
    private final NoteVerifier verifier = NoteVerifier.fromVerifierKey(keys.verifierKey());

    @Test
    void generatedKeysHaveGosTextFormsAndRoundTrip() {
        assertThat(keys.signerKey()).matches("PRIVATE\\+KEY\\+qorgau\\.example\\.kz/ledger\\+[0-9a-f]{8}\\+.{44}");
        assertThat(keys.verifierKey()).matches("qorgau\\.example\\.kz/ledger\\+[0-9a-f]{8}\\+.{44}");
        assertThat(typeByte(keys.signerKey())).isEqualTo((byte) 0x01);
        assertThat(typeByte(keys.verifierKey())).isEqualTo((byte) 0x01);
        assertThat(signer.verifierKey()).isEqualTo(keys.verifierKey());
        assertThat(verifier.keyId()).isEqualTo(signer.keyId());
        assertThat(keys.verifierKey()).contains(String.format("+%08x+", signer.keyId()));
    }

    @Test
    void secretsDoNotLeakThroughToString() {
        String seedPart = keys.signerKey().substring(keys.signerKey().lastIndexOf('+') + 1);
        assertThat(signer.toString()).doesNotContain(seedPart).doesNotContain("PRIVATE");
        assertThat(keys.toString()).doesNotContain(seedPart).doesNotContain("PRIVATE");
    }

    @Test
    void aSignedNoteRoundTripsAndOpens() {
        String encoded = SignedNote.of(TEXT, signer.sign(TEXT)).encode();

        SignedNote parsed = SignedNote.parse(encoded);

        assertThat(parsed.text()).isEqualTo(TEXT);
        assertThat(parsed.encode()).isEqualTo(encoded);
        assertThat(SignedNote.parse(encoded.getBytes(StandardCharsets.UTF_8))).isEqualTo(parsed);
        assertThat(parsed.open(List.of(verifier))).isInstanceOfSatisfying(NoteVerification.Verified.class, v -> {
            assertThat(v.isSignedBy(verifier)).isTrue();
            assertThat(v.signatures().get(0).cosignedAt()).isEmpty();
        });
    }

    @Test
    void aNoteIsRejectedUnderAnotherKeyEvenWithTheSameName() {
        NoteVerifier other = NoteVerifier.fromVerifierKey(
                NoteSigner.generateKeyPair(NAME, seeded(2)).verifierKey());
        SignedNote note = SignedNote.of(TEXT, signer.sign(TEXT));

        assertThat(note.open(List.of(other)))
                .isInstanceOfSatisfying(
                        NoteVerification.Rejected.class,
                        r -> assertThat(r.reason()).contains("no signature by a known key"));
    }

    @Test
    void aChangedBodyIsRejectedNamingTheSignatureLine() {
        String encoded = SignedNote.of(TEXT, signer.sign(TEXT)).encode();
        String changed = encoded.replace("\n42\n", "\n43\n");

        assertThat(SignedNote.parse(changed).open(List.of(verifier)))
                .isInstanceOfSatisfying(
                        NoteVerification.Rejected.class,
                        r -> assertThat(r.reason()).startsWith("line 5:").contains("does not verify"));
    }

    @Test
    void aNoteWithoutSignaturesIsMalformedAndOneSignedOnlyByStrangersIsRejected() {
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n"))
                .isInstanceOf(MalformedNoteException.class)
                .hasMessageContaining("followed by signature lines");
        assertThatThrownBy(() -> SignedNote.parse(TEXT)).isInstanceOf(MalformedNoteException.class);

        NoteSigner stranger = NoteSigner.fromSignerKey(
                NoteSigner.generateKeyPair("stranger.example", seeded(3)).signerKey());
        assertThat(SignedNote.of(TEXT, stranger.sign(TEXT))
                        .open(List.of(verifier))
                        .isVerified())
                .isFalse();
    }

    @Test
    void aForgedSignatureByAKnownKeyRejectsTheWholeNoteEvenIfAnotherVerifies() {
        NoteSigner witnessLike = NoteSigner.fromSignerKey(
                NoteSigner.generateKeyPair("other.example", seeded(4)).signerKey());
        byte[] forged = signer.sign(TEXT).signature();
        forged[10] ^= 1;
        SignedNote note =
                new SignedNote(TEXT, List.of(witnessLike.sign(TEXT), new NoteSignature(NAME, signer.keyId(), forged)));

        assertThat(note.open(List.of(verifier, witnessLike.verifier())))
                .isInstanceOfSatisfying(
                        NoteVerification.Rejected.class,
                        r -> assertThat(r.reason()).startsWith("line 6:"));
    }

    @Test
    void witnessCosignaturesVerifyCarryTheirTimeAndCoverTheBody() {
        NoteKeyPair witnessKeys = Cosigner.generateKeyPair("witness.example.org/w1", seeded(5));
        Cosigner witness = Cosigner.fromSignerKey(witnessKeys.signerKey());
        CosignatureVerifier witnessKey = CosignatureVerifier.fromVerifierKey(witnessKeys.verifierKey());
        assertThat(typeByte(witnessKeys.verifierKey())).isEqualTo((byte) 0x04);

        SignedNote note = SignedNote.of(TEXT, signer.sign(TEXT)).withSignature(witness.cosign(TEXT, 1_700_000_000L));

        NoteVerification result = SignedNote.parse(note.encode()).open(List.of(verifier, witnessKey));
        assertThat(result).isInstanceOfSatisfying(NoteVerification.Verified.class, v -> {
            assertThat(v.signatures()).hasSize(2);
            assertThat(v.signatures().get(1).cosignedAt()).contains(Instant.ofEpochSecond(1_700_000_000L));
        });
        // The witness key is not a plain note key: its signature does not verify as type 0x01.
        assertThat(note.open(List.of(NoteVerifier.ed25519("witness.example.org/w1", new byte[32])))
                        .isVerified())
                .isFalse();
        byte[] shifted = witness.cosign(TEXT, 1_700_000_000L).signature();
        shifted[7]++;
        assertThat(witnessKey.verify(TEXT, shifted)).as("another timestamp").isFalse();
    }

    @Test
    void malformedNotesAreRejectedNamingTheLine() {
        String good = SignedNote.of(TEXT, signer.sign(TEXT)).encode();
        assertMalformed(good.replace("\n", "\r\n"), 1, "carriage return");
        assertMalformed(good.replace("— ", "- "), 5, "em dash");
        assertMalformed(good.substring(0, good.length() - 1), 5, "must end with a newline");
        assertMalformed(good.replace(" " + good.substring(good.lastIndexOf(' ') + 1), " %%%\n"), 5, "not base64");
        assertMalformed(good + "— x AAAA\n", 6, "needs a 4-byte key ID");
        assertMalformed(good + "— bad+name AAAAAAA=\n", 6, "invalid key name");
        assertMalformed(good.replace("\n\n", "\n"), 0, "no blank line");
        assertMalformed("a\u0007b\n\n" + signer.sign(TEXT).line() + "\n", 1, "control character");
        assertThatThrownBy(() -> SignedNote.parse(new byte[] {'a', '\n', (byte) 0xff, '\n', '\n'}))
                .isInstanceOfSatisfying(
                        MalformedNoteException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void keysWithBadNamesOrAlteredMaterialAreRefused() {
        assertThatThrownBy(() -> NoteSigner.generateKeyPair("has space", seeded(6)))
                .hasMessageContaining("invalid key name");
        assertThatThrownBy(() -> NoteSigner.generateKeyPair("a+b", seeded(6))).hasMessageContaining("'+'");
        String altered = keys.signerKey().replace("+PRIVATE", "").replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
        assertThatThrownBy(() -> NoteSigner.fromSignerKey(altered))
                .hasMessageContaining("claims key ID 00000000")
                .hasMessageNotContaining(
                        keys.signerKey().substring(keys.signerKey().lastIndexOf('+')));
        assertThatThrownBy(() -> NoteSigner.fromSignerKey(keys.verifierKey())).hasMessageContaining("PRIVATE+KEY+");
        assertThatThrownBy(() -> signer.sign("no final newline")).hasMessageContaining("ends with a newline");
    }

    private static void assertMalformed(String note, int line, String messagePart) {
        assertThatThrownBy(() -> SignedNote.parse(note))
                .isInstanceOfSatisfying(
                        MalformedNoteException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageContaining(messagePart);
    }

    private static byte typeByte(String key) {
        return java.util.Base64.getDecoder().decode(key.substring(key.length() - 44))[0];
    }

    /** A reproducible source of key material for tests. */
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
