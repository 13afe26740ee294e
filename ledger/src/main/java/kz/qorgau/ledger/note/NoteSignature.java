package kz.qorgau.ledger.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * One signature line of a signed note: {@code — <keyName> base64(keyId ‖ signature)}.
 *
 * @param keyName the signing key's name
 * @param keyId the signing key's 32-bit ID
 * @param signature the signature bytes after the key ID (64 for Ed25519, 72 for a timestamped cosignature)
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    /** The em dash (U+2014) and space that start every signature line. */
    public static final String LINE_PREFIX = "\u2014 ";

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if the name is not a valid key name or the signature is empty
     */
    public NoteSignature {
        KeyText.requireValidName(keyName);
        if (signature.length == 0) {
            throw new IllegalArgumentException("a note signature needs at least one byte after the key ID");
        }
        signature = signature.clone();
    }

    /** A copy of the signature bytes after the key ID. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The key ID as 8 lowercase hexadecimal digits, as in verifier keys. */
    public String keyIdHex() {
        return KeyText.hex(keyId);
    }

    /** {@code base64(keyId ‖ signature)}, the last field of the line. */
    public String base64() {
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(4 + signature.length)
                        .putInt(keyId)
                        .put(signature)
                        .array());
    }

    /** The whole signature line without its final newline. */
    public String line() {
        return LINE_PREFIX + keyName + " " + base64();
    }

    byte[] signatureBytes() {
        return signature;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof NoteSignature other
                && keyName.equals(other.keyName)
                && keyId == other.keyId
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return (keyName.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line();
    }
}
