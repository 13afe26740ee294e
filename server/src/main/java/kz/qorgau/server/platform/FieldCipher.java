package kz.qorgau.server.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (narratives, names, contacts, messages, attachments) with Tink AEAD
 * (AES-256-GCM) under the {@link FieldKeyset}. The associated data binds each value to its table,
 * column and row: a value copied to another row or column fails to decrypt instead of showing up in
 * the wrong case. Values sealed under an older key still open after a rotation.
 */
@Component
public final class FieldCipher {

    /** The version byte Tink puts before the key id of a sealed value (output prefix TINK). */
    private static final byte TINK_PREFIX = 0x01;

    private final FieldKeyset keys;

    FieldCipher(FieldKeyset keys) {
        this.keys = keys;
    }

    /** Encrypts {@code plaintext} for the cell (table, column, row); {@code null} stays {@code null}. */
    public byte @Nullable [] seal(@Nullable String plaintext, String table, String column, UUID row) {
        if (plaintext == null) {
            return null;
        }
        return sealBytes(plaintext.getBytes(StandardCharsets.UTF_8), table, column, row);
    }

    /**
     * Decrypts a value sealed for exactly this cell.
     *
     * @throws IllegalStateException if the value was not sealed for this cell or was altered
     */
    public @Nullable String open(byte @Nullable [] sealed, String table, String column, UUID row) {
        if (sealed == null) {
            return null;
        }
        return new String(openBytes(sealed, table, column, row), StandardCharsets.UTF_8);
    }

    /**
     * Encrypts bytes (an attachment, a document) for the cell (table, column, row). O(n) in the size;
     * the whole value is in memory.
     */
    public byte[] sealBytes(byte[] plaintext, String table, String column, UUID row) {
        try {
            return keys.aead().encrypt(plaintext, associatedData(table, column, row));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /**
     * Decrypts bytes sealed for exactly this cell.
     *
     * @throws IllegalStateException if the value was not sealed for this cell or was altered
     */
    public byte[] openBytes(byte[] sealed, String table, String column, UUID row) {
        try {
            return keys.aead().decrypt(sealed, associatedData(table, column, row));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the value in " + table + "." + column + " of row " + row
                            + " does not decrypt: it was altered, moved from another row, or sealed under a key"
                            + " missing from the keyset",
                    e);
        }
    }

    /**
     * The id of the key a value was sealed under (as {@link FieldKeyset.KeyInfo#id()}), read from its
     * prefix; empty if the value has no Tink prefix. A re-encryption job would use it to find values
     * under retired keys.
     */
    public static OptionalLong keyIdOf(byte[] sealed) {
        if (sealed.length < 5 || sealed[0] != TINK_PREFIX) {
            return OptionalLong.empty();
        }
        long id = ((sealed[1] & 0xFFL) << 24)
                | ((sealed[2] & 0xFFL) << 16)
                | ((sealed[3] & 0xFFL) << 8)
                | (sealed[4] & 0xFFL);
        return OptionalLong.of(id);
    }

    private static byte[] associatedData(String table, String column, UUID row) {
        return ("qorgau/v1|" + table + "|" + column + "|" + row).getBytes(StandardCharsets.UTF_8);
    }
}
