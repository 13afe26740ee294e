package kz.qorgau.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field keyset file encrypted under a master key (envelope encryption). */
class EnvelopeEncryptionTest {

    @TempDir
    Path dir;

    private final UUID row = UUID.randomUUID();

    private FieldKeyset keyset(Path file, String masterKeyUri) {
        return new FieldKeyset(file, masterKeyUri, List.of());
    }

    @Test
    void aFreshInstallCreatesTheMasterKeyAndKeepsTheKeysetEncrypted() throws Exception {
        Path file = dir.resolve("data/keys/fields.keyset.json");
        Path master = dir.resolve("secrets/master.key.json");
        FieldKeyset keys = keyset(file, "local-file:" + master);
        byte[] sealed = new FieldCipher(keys).seal("marker", "t", "c", row);
        keys.rotate();

        String onDisk = Files.readString(file);
        assertThat(onDisk).contains("\"encryptedKeyset\"").doesNotContain("\"keyData\"");
        assertThat(keys.envelopeEncrypted()).isTrue();
        assertThat(Files.exists(master)).isTrue();

        FieldKeyset reopened = keyset(file, "local-file://" + master);
        assertThat(new FieldCipher(reopened).open(sealed, "t", "c", row)).isEqualTo("marker");
        assertThat(reopened.keys()).hasSize(2);
    }

    @Test
    void anEncryptedKeysetWithoutItsMasterKeyDoesNotOpen() {
        Path file = dir.resolve("fields.keyset.json");
        Path master = dir.resolve("master.key.json");
        keyset(file, "local-file:" + master);

        assertThatThrownBy(() -> new FieldKeyset(file, null, List.of()))
                .hasMessageContaining("encrypted under a master key")
                .hasMessageContaining("qorgau.keys.master-key-uri");
    }

    @Test
    void aLostMasterKeyIsNotSilentlyReplaced() throws Exception {
        Path file = dir.resolve("fields.keyset.json");
        Path master = dir.resolve("master.key.json");
        keyset(file, "local-file:" + master);
        Files.delete(master);

        assertThatThrownBy(() -> keyset(file, "local-file:" + master))
                .hasMessageContaining("does not exist")
                .hasMessageContaining("restore the master key file");
        assertThat(Files.exists(master)).isFalse();
    }

    @Test
    void anotherMasterKeyCannotOpenTheKeyset() {
        Path file = dir.resolve("fields.keyset.json");
        keyset(file, "local-file:" + dir.resolve("one.key.json"));
        keyset(dir.resolve("other.keyset.json"), "local-file:" + dir.resolve("two.key.json"));

        assertThatThrownBy(() -> keyset(file, "local-file:" + dir.resolve("two.key.json")))
                .hasMessageContaining("not a valid Tink keyset encrypted under the configured master key");
    }

    @Test
    void aKeysetInClearIsEncryptedWhenAMasterKeyIsConfigured() throws Exception {
        Path file = dir.resolve("fields.keyset.json");
        byte[] sealed = new FieldCipher(new FieldKeyset(file, null, List.of())).seal("old value", "t", "c", row);
        assertThat(Files.readString(file)).contains("\"keyData\"");

        FieldKeyset enveloped = keyset(file, "local-file:" + dir.resolve("master.key.json"));

        assertThat(Files.readString(file)).contains("\"encryptedKeyset\"").doesNotContain("\"keyData\"");
        assertThat(new FieldCipher(enveloped).open(sealed, "t", "c", row)).isEqualTo("old value");
    }

    /** A KMS that keeps its keys in memory: what a cloud KMS client does, minus the network. */
    private static final class InMemoryKms implements com.google.crypto.tink.KmsClient {
        private final java.util.Map<String, com.google.crypto.tink.Aead> keys = new java.util.HashMap<>();
        final java.util.List<String> used = new java.util.ArrayList<>();

        @Override
        public boolean doesSupport(String uri) {
            return uri.startsWith("test-kms://");
        }

        @Override
        public com.google.crypto.tink.KmsClient withCredentials(String credentialPath) {
            return this;
        }

        @Override
        public com.google.crypto.tink.KmsClient withDefaultCredentials() {
            return this;
        }

        @Override
        public com.google.crypto.tink.Aead getAead(String uri) throws java.security.GeneralSecurityException {
            used.add(uri);
            com.google.crypto.tink.Aead aead = keys.get(uri);
            if (aead == null) {
                com.google.crypto.tink.aead.AeadConfig.register();
                aead = com.google.crypto.tink.KeysetHandle.generateNew(
                                com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM)
                        .getPrimitive(
                                com.google.crypto.tink.RegistryConfiguration.get(), com.google.crypto.tink.Aead.class);
                keys.put(uri, aead);
            }
            return aead;
        }
    }

    @Test
    void aKmsClientBeanEncryptsTheKeysetAndOnlyItsKeyOpensIt() throws Exception {
        InMemoryKms kms = new InMemoryKms();
        Path file = dir.resolve("fields.keyset.json");
        FieldKeyset keys = new FieldKeyset(file, "test-kms://projects/q/keys/master", List.of(kms));
        byte[] sealed = new FieldCipher(keys).seal("kms marker", "t", "c", row);

        assertThat(Files.readString(file)).contains("\"encryptedKeyset\"").doesNotContain("\"keyData\"");
        assertThat(keys.envelopeEncrypted()).isTrue();
        assertThat(kms.used).contains("test-kms://projects/q/keys/master");
        FieldKeyset reopened = new FieldKeyset(file, "test-kms://projects/q/keys/master", List.of(kms));
        assertThat(new FieldCipher(reopened).open(sealed, "t", "c", row)).isEqualTo("kms marker");
        assertThatThrownBy(() -> new FieldKeyset(file, "test-kms://projects/q/keys/other", List.of(kms)))
                .hasMessageContaining("not a valid Tink keyset encrypted under the configured master key");
    }

    @Test
    void aKmsUriWithoutAClientSaysHowToAddOne() {
        assertThatThrownBy(
                        () -> keyset(dir.resolve("k.json"), "gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k"))
                .hasMessageContaining("no KMS client supports")
                .hasMessageContaining("tink-gcpkms");
    }
}
