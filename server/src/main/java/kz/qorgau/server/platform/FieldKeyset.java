package kz.qorgau.server.platform;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The keys that encrypt personal data at rest: a Tink keyset of AES-256-GCM keys in one file
 * ({@code qorgau.keys.fields-keyset}, by default {@code keys/fields.keyset.json} in the data
 * directory), encrypted under a master key when {@code qorgau.keys.master-key-uri} is set (envelope
 * encryption).
 *
 * <p>Rotation without downtime: a new key is added to the keyset and made primary; new values are
 * sealed under it and every older key stays for decryption (values are never re-encrypted in place:
 * most tables are append-only). Every instance re-reads the file every {@code
 * qorgau.keys.reload-interval}; with several instances, add the key first ({@link #addKey()}), wait
 * until every instance lists it, then promote it ({@link #promote(long)}), so that no instance meets a
 * value sealed under a key it does not have yet. A reloaded file that lacks a key in use is refused.
 *
 * <p>Changes to the file are made under a file lock, re-reading it first, so two instances rotating at
 * once both keep their keys.
 */
@Component
public final class FieldKeyset {

    static final String DEFAULT_FILE = "fields.keyset.json";

    /** Binds the encrypted keyset file to its purpose: it cannot be swapped for another keyset's file. */
    private static final byte[] ASSOCIATED_DATA = "qorgau/fields-keyset/v1".getBytes(StandardCharsets.UTF_8);

    private static final Logger log = LoggerFactory.getLogger(FieldKeyset.class);

    /**
     * One key of the keyset, without its material.
     *
     * @param id Tink's key id (unsigned 32 bits); the first byte of a sealed value after the version
     *     byte names it
     * @param status {@code ENABLED}, {@code DISABLED} or {@code DESTROYED}
     * @param primary whether new values are sealed under it
     */
    public record KeyInfo(long id, String status, boolean primary) {}

    private record Loaded(KeysetHandle handle, Aead aead, String text) {}

    private interface KeysetFileWork<T> {
        T run() throws IOException, GeneralSecurityException;
    }

    private final Path file;
    private final Path lockFile;
    private final @Nullable Aead master;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    @Autowired
    FieldKeyset(KeySettings settings, DataDirectory dataDirectory, ObjectProvider<KmsClient> kmsClients) {
        this(
                settings.fieldsKeyset() != null
                        ? settings.fieldsKeyset()
                        : dataDirectory.root().resolve("keys").resolve(DEFAULT_FILE),
                settings.masterKeyUri(),
                kmsClients.orderedStream().toList());
    }

    /**
     * Opens (or, on a fresh install, creates) the keyset file.
     *
     * @param masterKeyUri {@code null} or blank for a keyset file in clear
     */
    FieldKeyset(Path file, @Nullable String masterKeyUri, List<KmsClient> kmsClients) {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD primitives cannot be registered", e);
        }
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        boolean noEncryptedKeysetYet = !Files.exists(this.file) || !isEncrypted(readFile());
        this.master = masterKeyUri == null || masterKeyUri.isBlank()
                ? null
                : MasterKeys.resolve(masterKeyUri, noEncryptedKeysetYet, kmsClients);
        Loaded loaded = underFileLock(() -> {
            if (!Files.exists(this.file)) {
                KeyFiles.create(this.file, serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)));
                log.info(
                        "field keyset: created {}{}",
                        this.file,
                        master == null ? "" : ", encrypted under the master key");
            }
            String text = readFile();
            KeysetHandle handle = parse(text);
            if (master != null && !isEncrypted(text)) {
                KeyFiles.replace(this.file, serialize(handle));
                log.warn(
                        "field keyset: {} was stored in clear and is now encrypted under the master key; destroy"
                                + " clear copies of it (old backups)",
                        this.file);
                text = readFile();
            }
            return loaded(handle, text);
        });
        current.set(loaded);
        log.info("field keyset: {} ({})", this.file, describe(loaded.handle()));
    }

    /** The AEAD over every key of the keyset: seals under the primary, opens under any. */
    Aead aead() {
        return current.get().aead();
    }

    /** The file the keyset is kept in. */
    public Path file() {
        return file;
    }

    /** Whether the keyset file is encrypted under a master key. */
    public boolean envelopeEncrypted() {
        return master != null;
    }

    /** The keys, in keyset order. */
    public List<KeyInfo> keys() {
        return infos(current.get().handle());
    }

    /** The key new values are sealed under. */
    public KeyInfo primary() {
        return keys().stream().filter(KeyInfo::primary).findFirst().orElseThrow();
    }

    /**
     * Adds a new key, not yet primary: phase one of a rotation across several instances. Writes the
     * file; other instances load it within {@code qorgau.keys.reload-interval}.
     *
     * @return the new key
     */
    public synchronized KeyInfo addKey() {
        return change(handle -> {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId());
            return builder.build();
        });
    }

    /**
     * Makes an enabled key primary: phase two of a rotation, once every instance has the key.
     *
     * @throws InvalidInputException if there is no such key or it is not enabled
     */
    public synchronized KeyInfo promote(long keyId) {
        return change(handle -> {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
            for (int i = 0; i < builder.size(); i++) {
                if (Integer.toUnsignedLong(handle.getAt(i).getId()) == keyId) {
                    if (handle.getAt(i).getStatus() != KeyStatus.ENABLED) {
                        throw new InvalidInputException("id", "not-enabled", "key " + keyId + " is not enabled");
                    }
                    builder.getAt(i).makePrimary();
                    return builder.build();
                }
            }
            throw new InvalidInputException("id", "unknown-key", "the keyset has no key " + keyId);
        });
    }

    /**
     * Adds a new key and makes it primary at once: rotation for a single instance. With several
     * instances use {@link #addKey()} and {@link #promote(long)}.
     *
     * @return the new primary key
     */
    public synchronized KeyInfo rotate() {
        KeyInfo added = addKey();
        return promote(added.id());
    }

    /**
     * Re-reads the keyset file if it changed (an operator's edit, another instance's rotation).
     *
     * @return whether a changed keyset was loaded
     * @throws IllegalStateException if the file no longer parses or lacks a key loaded before: the
     *     keys loaded before stay in use
     */
    public synchronized boolean reload() {
        String text = readFile();
        Loaded before = current.get();
        if (text.equals(before.text())) {
            return false;
        }
        try {
            KeysetHandle handle = parse(text);
            requireEveryKeyOf(before.handle(), handle);
            current.set(loaded(handle, text));
            log.info("field keyset: reloaded {} ({})", file, describe(handle));
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the field keyset " + file + " no longer parses: " + e.getMessage(), e);
        }
    }

    @Scheduled(
            fixedDelayString = "${qorgau.keys.reload-interval:30s}",
            initialDelayString = "${qorgau.keys.reload-interval:30s}")
    void reloadOnSchedule() {
        try {
            reload();
        } catch (RuntimeException e) {
            log.error("field keyset: {}; the keys loaded before stay in use", e.getMessage());
        }
    }

    private interface KeysetChange {
        KeysetHandle apply(KeysetHandle handle) throws GeneralSecurityException;
    }

    /** Applies a change to the file's current keyset under the file lock, writes it and loads it. */
    private KeyInfo change(KeysetChange change) {
        Loaded after = underFileLock(() -> {
            String text = readFile();
            KeysetHandle onDisk = parse(text);
            requireEveryKeyOf(current.get().handle(), onDisk);
            KeysetHandle changed = change.apply(onDisk);
            KeyFiles.replace(file, serialize(changed));
            return loaded(changed, readFile());
        });
        Set<Long> before = new HashSet<>();
        infos(current.getAndSet(after).handle()).forEach(key -> before.add(key.id()));
        log.info("field keyset: changed {} ({})", file, describe(after.handle()));
        List<KeyInfo> keys = infos(after.handle());
        return keys.stream()
                .filter(key -> !before.contains(key.id()))
                .findFirst()
                .orElse(keys.stream().filter(KeyInfo::primary).findFirst().orElseThrow());
    }

    private <T> T underFileLock(KeysetFileWork<T> work) {
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return work.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or write the field keyset " + file + "; check that its directory is writable", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the field keyset " + file + " is not a valid Tink keyset"
                            + (master == null ? "" : " encrypted under the configured master key"),
                    e);
        }
    }

    private String readFile() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the field keyset " + file, e);
        }
    }

    private KeysetHandle parse(String text) throws GeneralSecurityException {
        if (isEncrypted(text)) {
            if (master == null) {
                throw new IllegalStateException("the field keyset " + file + " is encrypted under a master key: set"
                        + " qorgau.keys.master-key-uri (QORGAU_KEYS_MASTER_KEY_URI) to that key");
            }
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(text, master, ASSOCIATED_DATA);
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(text, InsecureSecretKeyAccess.get());
    }

    private byte[] serialize(KeysetHandle handle) throws GeneralSecurityException {
        String text = master == null
                ? TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get())
                : TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, master, ASSOCIATED_DATA);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static boolean isEncrypted(String keysetText) {
        return keysetText.contains("\"encryptedKeyset\"");
    }

    private static Loaded loaded(KeysetHandle handle, String text) throws GeneralSecurityException {
        return new Loaded(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class), text);
    }

    private void requireEveryKeyOf(KeysetHandle before, KeysetHandle after) {
        Set<Long> now = new HashSet<>();
        infos(after).forEach(key -> now.add(key.id()));
        List<Long> missing = new ArrayList<>();
        for (KeyInfo key : infos(before)) {
            if (!now.contains(key.id())) {
                missing.add(key.id());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the field keyset " + file + " lacks the keys " + missing
                    + " that are in use: values sealed under them would no longer open; restore the file from"
                    + " its backup");
        }
    }

    private static List<KeyInfo> infos(KeysetHandle handle) {
        List<KeyInfo> keys = new ArrayList<>(handle.size());
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            keys.add(new KeyInfo(
                    Integer.toUnsignedLong(entry.getId()), entry.getStatus().toString(), entry.isPrimary()));
        }
        return keys;
    }

    private static String describe(KeysetHandle handle) {
        List<KeyInfo> keys = infos(handle);
        return keys.size() + (keys.size() == 1 ? " key" : " keys") + ", primary "
                + keys.stream()
                        .filter(KeyInfo::primary)
                        .findFirst()
                        .map(KeyInfo::id)
                        .orElse(-1L);
    }
}
