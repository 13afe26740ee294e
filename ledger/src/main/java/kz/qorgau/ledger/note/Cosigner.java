package kz.qorgau.ledger.note;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.SecureRandom;

/**
 * A witness's signing key for c2sp.org/tlog-cosignature v1 (type 0x04): adds a timestamped cosignature to a
 * checkpoint it has checked. Qorgau uses it in tests and simulated witnesses; real witnesses run their own
 * software. Never log it; {@link #toString()} shows the verifier key only.
 */
public final class Cosigner {

    private final String name;
    private final int keyId;
    private final PrivateKey privateKey;
    private final CosignatureVerifier verifier;

    private Cosigner(String name, byte[] seed) {
        byte[] publicKey = Ed25519.publicKeyFromSeed(seed);
        this.name = name;
        this.keyId = Ed25519.keyId(name, KeyText.TYPE_COSIGNATURE_V1, publicKey);
        this.privateKey = Ed25519.privateKey(seed);
        this.verifier = CosignatureVerifier.ofPublicKey(name, publicKey);
    }

    /**
     * Parses a signer key {@code PRIVATE+KEY+name+hexkeyid+base64(type ‖ seed)} of type 0x04, or of type 0x01
     * (a plain Go key, used for cosigning as transparency-dev's witness does).
     *
     * @throws IllegalArgumentException if the text is not a valid signer key
     */
    public static Cosigner fromSignerKey(String signerKey) {
        KeyText.Parsed parsed = KeyText.parseSignerKey(signerKey);
        byte[] publicKey = Ed25519.publicKeyFromSeed(parsed.key());
        if (Ed25519.keyId(parsed.name(), parsed.type(), publicKey) != parsed.keyId()) {
            throw new IllegalArgumentException("the signer key for '" + parsed.name() + "' has a key ID that does"
                    + " not match its seed; the key was altered or mistyped");
        }
        return new Cosigner(parsed.name(), parsed.key());
    }

    /**
     * Generates a new witness key pair of type 0x04.
     *
     * @throws IllegalArgumentException if the name is not a valid key name
     */
    public static NoteKeyPair generateKeyPair(String name, SecureRandom random) {
        KeyText.requireValidName(name);
        byte[] seed = Ed25519.newSeed(random);
        byte[] publicKey = Ed25519.publicKeyFromSeed(seed);
        return new NoteKeyPair(
                KeyText.signerKey(name, KeyText.TYPE_COSIGNATURE_V1, seed, publicKey),
                KeyText.verifierKey(name, KeyText.TYPE_COSIGNATURE_V1, publicKey));
    }

    /** The witness's name. */
    public String name() {
        return name;
    }

    /** The key ID (computed for type 0x04). */
    public int keyId() {
        return keyId;
    }

    /** The matching verifier. */
    public CosignatureVerifier verifier() {
        return verifier;
    }

    /**
     * Cosigns a note text at {@code timestampSeconds} (POSIX seconds; time is an input, never read here).
     *
     * @throws IllegalArgumentException if the text is not a valid note text or the timestamp is negative
     */
    public NoteSignature cosign(String text, long timestampSeconds) {
        SignedNote.requireValidText(text);
        if (timestampSeconds < 0) {
            throw new IllegalArgumentException("a cosignature timestamp is 0 or more, got " + timestampSeconds);
        }
        byte[] signature = Ed25519.sign(privateKey, CosignatureVerifier.signedMessage(text, timestampSeconds));
        byte[] timestamped = ByteBuffer.allocate(CosignatureVerifier.SIGNATURE_SIZE)
                .putLong(timestampSeconds)
                .put(signature)
                .array();
        return new NoteSignature(name, keyId, timestamped);
    }

    @Override
    public String toString() {
        return "Cosigner[" + verifier.verifierKey() + "]";
    }
}
