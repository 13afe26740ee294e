package kz.qorgau.server.platform;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (narratives, names, contacts, messages) with Tink AEAD
 * (AES-256-GCM). The associated data binds each value to its table, column and row: a value copied
 * to another row or column fails to decrypt instead of showing up in the wrong case.
 */
@Component
public final class FieldCipher {

    private static final String KEYSET_FILE = "fields.keyset.json";

    private final Aead aead;

    FieldCipher(DataDirectory dataDirectory) {
        try {
            AeadConfig.register();
            byte[] json = dataDirectory.secretFile(KEYSET_FILE, FieldCipher::newKeyset);
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(
                    new String(json, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the field-encryption keyset in "
                            + dataDirectory.root().resolve("keys").resolve(KEYSET_FILE) + " is not a valid Tink keyset",
                    e);
        }
    }

    private static byte[] newKeyset() {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get())
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a field-encryption keyset", e);
        }
    }

    /** Encrypts {@code plaintext} for the cell (table, column, row); {@code null} stays {@code null}. */
    public byte @Nullable [] seal(@Nullable String plaintext, String table, String column, UUID row) {
        if (plaintext == null) {
            return null;
        }
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(table, column, row));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
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
        try {
            return new String(aead.decrypt(sealed, associatedData(table, column, row)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the value in " + table + "." + column + " of row " + row
                            + " does not decrypt: it was altered or moved from another row",
                    e);
        }
    }

    private static byte[] associatedData(String table, String column, UUID row) {
        return ("qorgau/v1|" + table + "|" + column + "|" + row).getBytes(StandardCharsets.UTF_8);
    }
}
