package kz.qorgau.ledger.note;

/**
 * Checks the signatures of one key on signed notes; identified, as in every signature line, by its name and
 * 32-bit key ID.
 */
public sealed interface NoteVerifier permits Ed25519NoteVerifier, CosignatureVerifier {

    /** The key's name, e.g. {@code qorgau.example.kz/ledger}. */
    String name();

    /** The key's ID. */
    int keyId();

    /** The key in verifier-key text form, {@code name+hexkeyid+base64(type ‖ public key)}. */
    String verifierKey();

    /**
     * Whether {@code signature} (the bytes after the key ID) is this key's valid signature of the note text
     * {@code text} (which ends with its final newline). Never throws for bad input.
     */
    boolean verify(String text, byte[] signature);

    /**
     * Parses a verifier key: type 0x01 gives a plain Ed25519 note verifier (a log's key), type 0x04 a
     * {@link CosignatureVerifier} (a witness's key).
     *
     * @throws IllegalArgumentException with the reason if the text is not a valid verifier key, or its key ID
     *     does not match its name and key
     */
    static NoteVerifier fromVerifierKey(String verifierKey) {
        KeyText.Parsed parsed = KeyText.parseVerifierKey(verifierKey);
        int expected = Ed25519.keyId(parsed.name(), parsed.type(), parsed.key());
        if (expected != parsed.keyId()) {
            throw new IllegalArgumentException("verifier key for '" + parsed.name() + "' claims key ID "
                    + KeyText.hex(parsed.keyId()) + " but its name and key give " + KeyText.hex(expected)
                    + "; the key was altered or mistyped");
        }
        if (parsed.type() == KeyText.TYPE_COSIGNATURE_V1) {
            return CosignatureVerifier.ofPublicKey(parsed.name(), parsed.key());
        }
        return ed25519(parsed.name(), parsed.key());
    }

    /**
     * A plain Ed25519 verifier (signature type 0x01) for a raw 32-byte public key.
     *
     * @throws IllegalArgumentException if the name is invalid or the key is not 32 bytes
     */
    static NoteVerifier ed25519(String name, byte[] publicKey) {
        return new Ed25519NoteVerifier(name, publicKey);
    }
}
