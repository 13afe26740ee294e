package kz.qorgau.ledger.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A witness's key for c2sp.org/tlog-cosignature v1 (signature type 0x04): the signature is an 8-byte
 * big-endian POSIX timestamp followed by an Ed25519 signature of {@code "cosignature/v1\ntime <timestamp>\n"}
 * followed by the note text.
 */
public final class CosignatureVerifier implements NoteVerifier {

    static final int SIGNATURE_SIZE = 8 + Ed25519.SIGNATURE_SIZE;

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey key;

    private CosignatureVerifier(String name, byte[] publicKey) {
        KeyText.requireValidName(name);
        this.key = Ed25519.publicKey(publicKey);
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = Ed25519.keyId(name, KeyText.TYPE_COSIGNATURE_V1, publicKey);
    }

    /**
     * Parses a witness's verifier key. Type 0x04 is the cosignature form; a type 0x01 key (as Go's
     * {@code note.GenerateKey} writes) is accepted too and its key ID recomputed for type 0x04, as
     * transparency-dev's witness tools do.
     *
     * @throws IllegalArgumentException if the text is not a valid verifier key
     */
    public static CosignatureVerifier fromVerifierKey(String verifierKey) {
        KeyText.Parsed parsed = KeyText.parseVerifierKey(verifierKey);
        int expected = Ed25519.keyId(parsed.name(), parsed.type(), parsed.key());
        if (expected != parsed.keyId()) {
            throw new IllegalArgumentException("verifier key for '" + parsed.name() + "' claims key ID "
                    + KeyText.hex(parsed.keyId()) + " but its name and key give " + KeyText.hex(expected)
                    + "; the key was altered or mistyped");
        }
        return ofPublicKey(parsed.name(), parsed.key());
    }

    /**
     * A cosignature verifier for a raw 32-byte Ed25519 public key.
     *
     * @throws IllegalArgumentException if the name is invalid or the key is not 32 bytes
     */
    public static CosignatureVerifier ofPublicKey(String name, byte[] publicKey) {
        return new CosignatureVerifier(name, publicKey);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return keyId;
    }

    @Override
    public String verifierKey() {
        return KeyText.verifierKey(name, KeyText.TYPE_COSIGNATURE_V1, publicKey);
    }

    @Override
    public boolean verify(String text, byte[] signature) {
        OptionalLong timestamp = timestamp(signature);
        if (timestamp.isEmpty()) {
            return false;
        }
        byte[] message = signedMessage(text, timestamp.getAsLong());
        return Ed25519.verify(key, message, Arrays.copyOfRange(signature, 8, signature.length));
    }

    /**
     * The POSIX timestamp (seconds) a cosignature carries, or empty if {@code signature} is not 72 bytes or the
     * timestamp exceeds 2^63 - 1. Says nothing about whether the signature is valid.
     */
    public static OptionalLong timestamp(byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return OptionalLong.empty();
        }
        long timestamp = ByteBuffer.wrap(signature, 0, 8).getLong();
        return timestamp < 0 ? OptionalLong.empty() : OptionalLong.of(timestamp);
    }

    static byte[] signedMessage(String text, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CosignatureVerifier[" + verifierKey() + "]";
    }
}
