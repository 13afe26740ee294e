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

    @Test
    void aKmsUriWithoutAClientSaysHowToAddOne() {
        assertThatThrownBy(
                        () -> keyset(dir.resolve("k.json"), "gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k"))
                .hasMessageContaining("no KMS client supports")
                .hasMessageContaining("tink-gcpkms");
    }
}
