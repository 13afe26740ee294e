package kz.qorgau.server.signals;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.server.platform.DataDirectory;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA-256 under a key kept in the data directory) of normalised identifiers, so that
 * a phone in an ad finds the case that recorded it without the phone being stored in clear. Without the
 * key the hashes cannot be recomputed from guessed phone numbers.
 */
@Component
final class BlindIndex {

    private static final String KEY_FILE = "signals-index.key";

    private final SecretKeySpec key;

    BlindIndex(DataDirectory data) {
        this.key = new SecretKeySpec(data.secret(KEY_FILE, 32), "HmacSHA256");
    }

    /** The hash of a normalised value of a kind ({@code phone}, {@code handle}, {@code bank-account} …). */
    String digest(String kind, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((kind + ":" + normalised).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
