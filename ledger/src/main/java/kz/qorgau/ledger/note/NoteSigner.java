package kz.qorgau.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;

/**
 * Signs note texts with one Ed25519 key (signature type 0x01), as a log signs its checkpoints. Holds the
 * secret key: never log it; {@link #toString()} shows the verifier key only.
 */
public final class NoteSigner {

    private final String name;
    private final int keyId;
    private final PrivateKey privateKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) {
        byte[] publicKey = Ed25519.publicKeyFromSeed(seed);
        this.name = name;
        this.keyId = Ed25519.keyId(name, KeyText.TYPE_ED25519, publicKey);
        this.privateKey = Ed25519.privateKey(seed);
        this.verifier = NoteVerifier.ed25519(name, publicKey);
    }

    /**
     * Parses a signer key {@code PRIVATE+KEY+name+hexkeyid+base64(0x01 ‖ seed)} as Go's
     * {@code note.GenerateKey} writes it.
     *
     * @throws IllegalArgumentException if the text is not such a key, is of another signature type, or its key
     *     ID does not match the public key derived from the seed (the message never repeats the key)
     */
    public static NoteSigner fromSignerKey(String signerKey) {
        KeyText.Parsed parsed = KeyText.parseSignerKey(signerKey);
        if (parsed.type() != KeyText.TYPE_ED25519) {
            throw new IllegalArgumentException("the signer key has signature type 0x"
                    + String.format("%02x", parsed.type() & 0xff)
                    + "; a log signs checkpoints with an Ed25519 key of type 0x01 (witness keys are for Cosigner)");
        }
        NoteSigner signer = new NoteSigner(parsed.name(), parsed.key());
        if (signer.keyId != parsed.keyId()) {
            throw new IllegalArgumentException("the signer key for '" + parsed.name() + "' claims key ID "
                    + KeyText.hex(parsed.keyId()) + " but its seed gives " + KeyText.hex(signer.keyId)
                    + "; the key was altered or mistyped");
        }
        return signer;
    }

    /**
     * Generates a new key pair for {@code name} (e.g. {@code qorgau.example.kz/ledger}), in the same text
     * forms as Go's {@code note.GenerateKey}.
     *
     * @throws IllegalArgumentException if the name is not a valid key name
     */
    public static NoteKeyPair generateKeyPair(String name, SecureRandom random) {
        KeyText.requireValidName(name);
        byte[] seed = Ed25519.newSeed(random);
        byte[] publicKey = Ed25519.publicKeyFromSeed(seed);
        return new NoteKeyPair(
                KeyText.signerKey(name, KeyText.TYPE_ED25519, seed, publicKey),
                KeyText.verifierKey(name, KeyText.TYPE_ED25519, publicKey));
    }

    /** The key's name. */
    public String name() {
        return name;
    }

    /** The key's ID. */
    public int keyId() {
        return keyId;
    }

    /** The matching verifier. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The matching verifier key text, to publish (e.g. at {@code GET /api/v1/ledger/key}). */
    public String verifierKey() {
        return verifier.verifierKey();
    }

    /**
     * Signs a note text.
     *
     * @param text the note text, ending with a newline
     * @throws IllegalArgumentException if the text is not a valid note text
     */
    public NoteSignature sign(String text) {
        SignedNote.requireValidText(text);
        return new NoteSignature(name, keyId, Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifierKey() + "]";
    }
}
