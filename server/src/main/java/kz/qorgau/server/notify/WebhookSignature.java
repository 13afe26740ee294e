package kz.qorgau.server.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Qorgau-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA-256>} over
 * {@code "<t>.<body>"} under the endpoint's secret (its UTF-8 bytes, exactly as shown at
 * registration). Signing the time lets receivers refuse replays of an old delivery.
 */
final class WebhookSignature {

    static final String HEADER = "Qorgau-Signature";
    static final String DELIVERY_HEADER = "Qorgau-Delivery";

    private WebhookSignature() {}

    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
