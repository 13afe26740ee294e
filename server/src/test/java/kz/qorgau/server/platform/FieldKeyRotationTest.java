package kz.qorgau.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Field encryption across key rotations: old values stay readable, new ones use the new key. */
class FieldKeyRotationTest {

    @TempDir
    Path dir;

    private final UUID row = UUID.randomUUID();

    private FieldKeyset keyset(Path file) {
        return new FieldKeyset(file, null, List.of());
    }

    @Test
    void valuesSealedBeforeAndAfterARotationBothOpen() {
        FieldKeyset keys = keyset(dir.resolve("fields.keyset.json"));
        FieldCipher cipher = new FieldCipher(keys);
        long firstKey = keys.primary().id();
        byte[] before = cipher.seal("before rotation", "report", "narrative_sealed", row);

        FieldKeyset.KeyInfo second = keys.rotate();
        byte[] after = cipher.seal("after rotation", "report", "narrative_sealed", row);

        assertThat(second.id()).isNotEqualTo(firstKey);
        assertThat(keys.primary().id()).isEqualTo(second.id());
        assertThat(keys.keys()).extracting(FieldKeyset.KeyInfo::id).containsExactly(firstKey, second.id());
        assertThat(FieldCipher.keyIdOf(before)).hasValue(firstKey);
        assertThat(FieldCipher.keyIdOf(after)).hasValue(second.id());
        assertThat(cipher.open(before, "report", "narrative_sealed", row)).isEqualTo("before rotation");
        assertThat(cipher.open(after, "report", "narrative_sealed", row)).isEqualTo("after rotation");
    }

    @Test
    void aRestartReadsEveryKeyBackFromTheFile() {
        Path file = dir.resolve("fields.keyset.json");
        FieldKeyset keys = keyset(file);
        byte[] old = new FieldCipher(keys).seal("old", "t", "c", row);
        keys.rotate();
        byte[] fresh = new FieldCipher(keys).seal("new", "t", "c", row);

        FieldCipher restarted = new FieldCipher(keyset(file));

        assertThat(restarted.open(old, "t", "c", row)).isEqualTo("old");
        assertThat(restarted.open(fresh, "t", "c", row)).isEqualTo("new");
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotOpen() {
        FieldCipher cipher = new FieldCipher(keyset(dir.resolve("k.json")));
        byte[] sealed = cipher.seal("Aruzhan, 16", "report", "child_name_sealed", row);

        assertThatThrownBy(() -> cipher.open(sealed, "report", "child_name_sealed", UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("moved from another row");
        assertThatThrownBy(() -> cipher.open(sealed, "report", "reporter_name_sealed", row))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "case_message", "child_name_sealed", row))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        FieldCipher cipher = new FieldCipher(keyset(dir.resolve("k.json")));
        byte[] sealed = cipher.sealBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, "attachment_content", "original", row);
        for (int position : new int[] {5, sealed.length / 2, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> cipher.openBytes(tampered, "attachment_content", "original", row))
                    .as("bit flipped at %d", position)
                    .isInstanceOf(IllegalStateException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> cipher.openBytes(truncated, "attachment_content", "original", row))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cipher.openBytes(sealed, "attachment_content", "original", row))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aKeyAddedByAnotherInstanceIsPickedUpBeforeItIsPromoted() {
        Path shared = dir.resolve("shared.keyset.json");
        FieldKeyset first = keyset(shared);
        FieldKeyset second = keyset(shared);
        FieldCipher firstCipher = new FieldCipher(first);
        FieldCipher secondCipher = new FieldCipher(second);

        // phase one on the second instance: add, not primary
        FieldKeyset.KeyInfo added = second.addKey();
        assertThat(added.primary()).isFalse();
        assertThat(first.reload()).isTrue();
        assertThat(first.keys()).extracting(FieldKeyset.KeyInfo::id).contains(added.id());
        assertThat(first.primary().id()).isNotEqualTo(added.id());

        // phase two on the first instance: promote; the second picks it up and reads what the first wrote
        first.promote(added.id());
        byte[] underNewKey = firstCipher.seal("sealed by the first instance", "t", "c", row);
        assertThat(second.reload()).isTrue();
        assertThat(second.primary().id()).isEqualTo(added.id());
        assertThat(secondCipher.open(underNewKey, "t", "c", row)).isEqualTo("sealed by the first instance");
        assertThat(second.reload()).as("unchanged file").isFalse();
    }

    @Test
    void aKeysetFileThatLostAKeyInUseIsRefusedAndTheKeysStay() throws Exception {
        Path file = dir.resolve("fields.keyset.json");
        FieldKeyset keys = keyset(file);
        String beforeRotation = Files.readString(file);
        keys.rotate();
        FieldCipher cipher = new FieldCipher(keys);
        byte[] sealed = cipher.seal("under the second key", "t", "c", row);

        Files.writeString(file, beforeRotation); // an operator restores an old copy

        assertThatThrownBy(keys::reload)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks the keys");
        assertThat(cipher.open(sealed, "t", "c", row)).isEqualTo("under the second key");
    }

    @Test
    void promotingAnUnknownKeyIsRefused() {
        FieldKeyset keys = keyset(dir.resolve("k.json"));
        assertThatThrownBy(() -> keys.promote(12345L))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no key 12345");
    }

    @Test
    void theKeysetFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("k.json");
        keyset(file).rotate();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
