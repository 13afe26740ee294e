package kz.qorgau.server.intake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.server.platform.DataDirectory;
import kz.qorgau.server.platform.QorgauProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Receipts: 120 random bits from {@link SecureRandom}, written as 24 characters of Crockford's
 * base32 in six groups of four ({@code 7KQM-2XHD-…}) so that a child can copy them and read them
 * aloud — no I, L, O or U, and what a person may type instead (o for 0, l or i for 1, lower case,
 * spaces) is read as meant. Stored only as HMAC-SHA-256 under a server key, so a copy of the
 * database does not reveal them.
 */
@Component
final class Receipts {

    static final int BITS = 120;
    static final int LENGTH = BITS / 5;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String KEY_FILE = "receipt.key";
    private static final Logger log = LoggerFactory.getLogger(Receipts.class);

    private final SecureRandom random;
    private final SecretKeySpec key;

    @Autowired
    Receipts(QorgauProperties properties, DataDirectory dataDirectory) {
        this(new SecureRandom(), key(properties.receiptKey(), dataDirectory));
    }

    Receipts(SecureRandom random, byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the receipt key must have at least 256 bits (32 bytes, base64)");
        }
        this.random = random;
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    private static byte[] key(@Nullable String configured, DataDirectory dataDirectory) {
        if (configured != null && !configured.isBlank()) {
            try {
                return Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "qorgau.receipt-key must be base64 (e.g. 'openssl rand -base64 32')", e);
            }
        }
        log.info("receipt key: using keys/{} in the data directory", KEY_FILE);
        return dataDirectory.secret(KEY_FILE, 32);
    }

    /** A new receipt, in its display form. */
    String generate() {
        StringBuilder out = new StringBuilder(LENGTH + LENGTH / 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return out.toString();
    }

    /**
     * The canonical form of what a person typed: upper case, separators dropped, look-alikes mapped;
     * empty if it cannot be a receipt.
     */
    static Optional<String> canonical(@Nullable String typed) {
        if (typed == null || typed.length() > 80) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = Character.toUpperCase(typed.charAt(i));
            switch (c) {
                case ' ', '-', '_', '.', '\t' -> {}
                case 'O' -> out.append('0');
                case 'I', 'L' -> out.append('1');
                default -> {
                    if (ALPHABET.indexOf(c) < 0) {
                        return Optional.empty();
                    }
                    out.append(c);
                }
            }
        }
        return out.length() == LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }

    /**
     * The stored form: hex HMAC-SHA-256 of the canonical receipt. Text that cannot be a receipt is
     * still hashed (as itself), so every lookup costs the same.
     */
    String hash(@Nullable String typed) {
        String canonical = canonical(typed)
                .orElse("not-a-receipt:" + (typed == null ? "" : typed.substring(0, Math.min(typed.length(), 100))));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
