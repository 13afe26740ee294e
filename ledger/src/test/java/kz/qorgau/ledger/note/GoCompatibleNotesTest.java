package kz.qorgau.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Byte-for-byte agreement with independent implementations, using notes and keys published in their sources:
 * Go's {@code golang.org/x/mod/sumdb/note} package documentation, a checkpoint of sum.golang.org (as quoted in
 * transparency-dev's tests), sigsum-go's checkpoint and cosignature tests, and transparency-dev/formats' key
 * parsing tests.
 */
class GoCompatibleNotesTest {

    // From the package documentation of golang.org/x/mod/sumdb/note.
    private static final String PETER_SIGNER_KEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String PETER_VERIFIER_KEY =
            "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String PETER_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_LINE =
            "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";
    private static final String ENOCH_LINE =
            "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=";

    // sigsum-go pkg/checkpoint tests: Ed25519 seed {17, 0, …, 0}.
    private static final String SIGSUM_BODY = "example.org/log\n10\nHA5HAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    private static final String SIGSUM_COSIGNATURE_LINE = "— example.org/witness"
            + " ys8uUAAAAAAAAATSftMzceM8zssdZ9jin9SjwIxzx9iADMf63VqirX2hafol9RsqNqbofIz0LVRqHXI2kpEBSki5RTXFtxz1vo9+Cg==";
    private static final String SIGSUM_LOG_ORIGIN =
            "sigsum.org/v1/tree/e796172b92befd62d9dc67e41c2f5bc9d3100a3023b20b1ca40288dd1c679e69";
    private static final String SIGSUM_LOG_NOTE =
            SIGSUM_LOG_ORIGIN + "\n10\nHA5HAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n"
                    + "— " + SIGSUM_LOG_ORIGIN
                    + " gJ2ho0n8F8olcerUF1FFdv235A/5as/coWrpLrtE7ovMeP5whgwouYExowG/lTznxu6OUGjjt5yJQ6bXtTcf718MqAQ=\n";

    @Test
    void aGoSignerKeyYieldsGosVerifierKeyAndExactlyGosSignature() {
        NoteSigner signer = NoteSigner.fromSignerKey(PETER_SIGNER_KEY);

        assertThat(signer.verifierKey()).isEqualTo(PETER_VERIFIER_KEY);
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.sign(PETER_TEXT).line()).isEqualTo(PETER_LINE);
        assertThat(SignedNote.of(PETER_TEXT, signer.sign(PETER_TEXT)).encode())
                .isEqualTo(PETER_TEXT + "\n" + PETER_LINE + "\n");
    }

    @Test
    void aGoSignedNoteOpensWithGosVerifierKeyIgnoringAnUnknownSecondSignature() {
        String note = PETER_TEXT + "\n" + PETER_LINE + "\n" + ENOCH_LINE + "\n";

        NoteVerification result =
                SignedNote.parse(note).open(List.of(NoteVerifier.fromVerifierKey(PETER_VERIFIER_KEY)));

        assertThat(result).isInstanceOfSatisfying(NoteVerification.Verified.class, verified -> {
            assertThat(verified.note().text()).isEqualTo(PETER_TEXT);
            assertThat(verified.signatures()).hasSize(1);
            assertThat(verified.signatures().get(0).signature().keyName()).isEqualTo("PeterNeumann");
        });
        assertThat(SignedNote.parse(note).encode()).isEqualTo(note);
    }

    @Test
    void aRealSumGolangOrgCheckpointVerifiesWithTheGoToolchainsKey() {
        // Retrieved from https://sum.golang.org/latest on 2024-09-23, as quoted in sigsum-go's tests.
        String note = "go.sum database tree\n30055305\nmXfgRcJ0bG0j3CPdKwgGWtUzBUbX67saZGRmFuJGGsM=\n\n"
                + "— sum.golang.org Az3grpgEild5qw7+5dtV13Kf1C2Xurm8q4fhdxvcsDHnqNTaxL2AFjBY+2TyGKevucFcAAlWFJJYle3EJlDCrQ+y3A8=\n";
        NoteVerifier goKey =
                NoteVerifier.fromVerifierKey("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");

        assertThat(SignedNote.parse(note).open(List.of(goKey)).isVerified()).isTrue();
        String changed = note.replace("30055305", "30055306");
        assertThat(SignedNote.parse(changed).open(List.of(goKey))).isInstanceOf(NoteVerification.Rejected.class);
    }

    @Test
    void aSigsumLogSignatureVerifiesWithTheC2spKeyId() {
        byte[] publicKey = Ed25519.publicKeyFromSeed(sigsumSeed());
        NoteVerifier logKey = NoteVerifier.ed25519(SIGSUM_LOG_ORIGIN, publicKey);

        assertThat(SignedNote.parse(SIGSUM_LOG_NOTE).open(List.of(logKey)).isVerified())
                .isTrue();
    }

    @Test
    void aSigsumWitnessCosignatureVerifiesAndIsReproducedExactly() {
        byte[] seed = sigsumSeed();
        byte[] publicKey = Ed25519.publicKeyFromSeed(seed);
        CosignatureVerifier witness = CosignatureVerifier.ofPublicKey("example.org/witness", publicKey);
        NoteSignature cosignature = SignedNote.parse(SIGSUM_BODY + "\n" + SIGSUM_COSIGNATURE_LINE + "\n")
                .signatures()
                .get(0);

        assertThat(cosignature.keyId()).isEqualTo(witness.keyId());
        assertThat(CosignatureVerifier.timestamp(cosignature.signature())).hasValue(1234);
        assertThat(witness.verify(SIGSUM_BODY, cosignature.signature())).isTrue();
        assertThat(witness.verify(SIGSUM_BODY.replace("10", "11"), cosignature.signature()))
                .isFalse();

        Cosigner cosigner = Cosigner.fromSignerKey(
                KeyText.signerKey("example.org/witness", KeyText.TYPE_COSIGNATURE_V1, seed, publicKey));
        assertThat(cosigner.cosign(SIGSUM_BODY, 1234).line()).isEqualTo(SIGSUM_COSIGNATURE_LINE);
    }

    @Test
    void cosignatureTimestampsAreReadAsTransparencyDevReadsThem() {
        byte[] raw = Base64.getDecoder()
                .decode(
                        "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==");
        byte[] afterKeyId = java.util.Arrays.copyOfRange(raw, 4, raw.length);

        assertThat(CosignatureVerifier.timestamp(afterKeyId)).hasValue(1727964367);
        assertThat(CosignatureVerifier.timestamp(new byte[64])).isEmpty();
    }

    @Test
    void verifierKeysAreParsedAsTransparencyDevParsesThem() {
        assertThat(NoteVerifier.fromVerifierKey("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"))
                .isInstanceOf(CosignatureVerifier.class);
        assertThat(CosignatureVerifier.fromVerifierKey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6")
                        .name())
                .isEqualTo("TEST");
        assertThatThrownBy(() -> NoteVerifier.fromVerifierKey("bananas.sigstore.dev+12344556"))
                .hasMessageContaining("name+hexkeyid+base64key");
        assertThatThrownBy(() -> NoteVerifier.fromVerifierKey("rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!"))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> NoteVerifier.fromVerifierKey("rekor.sigstore.dev+12345678+AwEB"))
                .hasMessageContaining("signature type 0x03");
        assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(
                        "PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("claims key ID 00000000 but its name and key give c74f20a3");
        assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(
                        "PeterNeumann+NOTANUMB+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("not hexadecimal");
    }

    private static byte[] sigsumSeed() {
        byte[] seed = new byte[32];
        seed[0] = 17;
        return seed;
    }
}
