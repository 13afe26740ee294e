package kz.qorgau.server.platform;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;

/**
 * The master key (key-encryption key) that encrypts the field keyset file: envelope encryption, so
 * that a copy of the data directory or of a backup without the master key reveals nothing. A local
 * master key file suits a self-hosted install (keep it on another disk or a secrets mount); a cloud
 * KMS key suits production, through Tink's KMS clients.
 */
final class MasterKeys {

    static final String LOCAL_FILE = "local-file:";

    private MasterKeys() {}

    /**
     * The AEAD of the master key at {@code uri}.
     *
     * @param mayCreate whether a missing local master key file may be generated (only on a fresh
     *     install: a keyset encrypted under a lost master key is never silently replaced)
     * @param clients KMS clients provided as beans, tried before Tink's registered and auto-loaded ones
     */
    static Aead resolve(String uri, boolean mayCreate, List<KmsClient> clients) {
        String trimmed = uri.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith(LOCAL_FILE)) {
            return localFile(localPath(trimmed), mayCreate);
        }
        for (KmsClient client : clients) {
            if (client.doesSupport(trimmed)) {
                return kmsAead(client, trimmed);
            }
        }
        KmsClient client;
        try {
            client = KmsClients.get(trimmed);
        } catch (GeneralSecurityException notRegistered) {
            try {
                client = KmsClients.getAutoLoaded(trimmed).withDefaultCredentials();
            } catch (GeneralSecurityException notOnClassPath) {
                throw new IllegalStateException(
                        "no KMS client supports qorgau.keys.master-key-uri '" + trimmed + "'. Use 'local-file:/path'"
                                + " for a master key file, or put Tink's KMS client (com.google.crypto.tink:tink-gcpkms"
                                + " for gcp-kms://, tink-awskms for aws-kms://) on the class path; see"
                                + " docs/data-protection.md",
                        notOnClassPath);
            }
        }
        return kmsAead(client, trimmed);
    }

    private static Aead kmsAead(KmsClient client, String uri) {
        try {
            return client.getAead(uri);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the KMS client cannot use the master key '" + uri + "': " + e.getMessage(), e);
        }
    }

    static Path localPath(String uri) {
        String path = uri.substring(LOCAL_FILE.length());
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        if (path.isBlank()) {
            throw new IllegalStateException(
                    "qorgau.keys.master-key-uri 'local-file:' needs a path, e.g. local-file:/etc/qorgau/master.key.json");
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static Aead localFile(Path file, boolean mayCreate) {
        try {
            if (!Files.exists(file)) {
                if (!mayCreate) {
                    throw new IllegalStateException("the master key file " + file + " does not exist, but the field"
                            + " keyset it encrypts does: restore the master key file from its backup (a new master"
                            + " key cannot decrypt the existing keyset)");
                }
                KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                KeyFiles.create(
                        file,
                        TinkJsonProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get())
                                .getBytes(StandardCharsets.UTF_8));
            }
            KeysetHandle master = TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            return master.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master key file " + file + " is not a Tink AEAD keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }
}
