package kz.qorgau.server.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Throttles guessing on the reporter channel without knowing who the reporter is (no address, no
 * cookie is used: reporters share Tor exits and must not be told apart).
 *
 * <p>A receipt has 120 random bits, so blind guessing cannot succeed; what throttling must stop is
 * guessing the rest of a receipt someone partly saw. A presented receipt is split into its three
 * thirds (eight characters each); each third has a bucket of failures, keyed by a keyed hash of the
 * third that lives only in this process's memory. Whoever knows two thirds of a receipt and guesses
 * the last one drains the buckets of the thirds they know after {@code per-part-failures} wrong
 * tries: from then on every receipt with those thirds is refused (429) before it is looked up, until
 * the bucket refills. Other reporters share a third with the attacked one with odds of 2<sup>-40</sup>,
 * so they are not slowed. The reporter under attack is refused too while it lasts: the price of
 * protecting their case.
 *
 * <p>A global budget of wrong receipts per minute (all reporters together) turns a flood of wrong
 * receipts into 429s — an alarm, logged without the receipts — while right receipts keep working.
 */
@Component
final class ReceiptThrottle {

    private static final Logger log = LoggerFactory.getLogger(ReceiptThrottle.class);
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 24;
    private static final int PART = 8;
    private static final String GLOBAL = "all";

    private final TokenBuckets<Long> parts;
    private final TokenBuckets<String> wrong;
    private final SecurityTime time;
    private final SecretKeySpec partKey;
    private volatile Instant lastAlarm = Instant.EPOCH;

    ReceiptThrottle(SecuritySettings settings, SecurityTime time) {
        SecuritySettings.Receipts receipts = settings.receipts();
        this.parts = new TokenBuckets<>(receipts.perPartFailures(), receipts.perPartRefill(), receipts.trackedParts());
        this.wrong = new TokenBuckets<>(
                receipts.wrongPerMinute(), Duration.ofMinutes(1).dividedBy(receipts.wrongPerMinute()), 1);
        this.time = time;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.partKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** What to do with a presented receipt before looking it up. */
    sealed interface Decision {}

    /** Look it up; report a wrong one with {@link #wrong(Proceed)}. */
    record Proceed(List<Long> parts) implements Decision {}

    /** Refuse without looking it up. */
    record Refuse(Duration retryAfter) implements Decision {}

    Decision before(String presented) {
        Instant now = time.now();
        List<Long> keys = partKeys(presented);
        if (keys.isEmpty() && wrong.isEmpty(GLOBAL, now)) {
            // Cannot be a receipt at all, and the budget for wrong ones is spent.
            return new Refuse(retryAfter(wrong.untilNextToken(GLOBAL, now)));
        }
        for (Long key : keys) {
            if (parts.isEmpty(key, now)) {
                return new Refuse(retryAfter(parts.untilNextToken(key, now)));
            }
        }
        return new Proceed(keys);
    }

    /**
     * A receipt turned out wrong: it counts against its thirds and the global budget.
     *
     * @return whether the global budget is spent (answer 429 rather than 404)
     */
    boolean wrong(Proceed proceed) {
        Instant now = time.now();
        for (Long key : proceed.parts()) {
            parts.takeAndIsEmpty(key, now);
        }
        boolean spent = !wrong.tryTake(GLOBAL, now);
        if (spent && lastAlarm.isBefore(now.minusSeconds(60))) {
            lastAlarm = now;
            log.warn("reporter channel: more wrong receipts than the budget of the last minute; answering 429");
        }
        return spent;
    }

    /** How long a refused reporter should wait for the global budget. */
    Duration globalRetryAfter() {
        return retryAfter(wrong.untilNextToken(GLOBAL, time.now()));
    }

    /** The keys of the thirds of a receipt, or none if the text cannot be a receipt. */
    List<Long> partKeys(@Nullable String presented) {
        String canonical = canonical(presented);
        if (canonical == null) {
            return List.of();
        }
        List<Long> keys = new ArrayList<>(LENGTH / PART);
        for (int i = 0; i < LENGTH; i += PART) {
            keys.add(mac(i + ":" + canonical.substring(i, i + PART)));
        }
        return keys;
    }

    /** The same reading of typed text as {@code intake.Receipts}: look-alikes mapped, separators dropped. */
    static @Nullable String canonical(@Nullable String typed) {
        if (typed == null || typed.length() > 80) {
            return null;
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
                        return null;
                    }
                    out.append(c);
                }
            }
        }
        return out.length() == LENGTH ? out.toString() : null;
    }

    private long mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(partKey);
            return ByteBuffer.wrap(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)))
                    .getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    private static Duration retryAfter(Duration wait) {
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }
}
