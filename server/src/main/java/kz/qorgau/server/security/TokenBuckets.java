package kz.qorgau.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets in memory, one per key: each holds up to {@code capacity} tokens and gains one per
 * {@code refill}. Taking from an empty bucket is refused. At most {@code maxKeys} buckets are kept;
 * the least recently used go first (a full bucket carries no information, and a bucket an attacker
 * keeps draining stays recently used). Thread-safe; each operation is O(1).
 */
final class TokenBuckets<K> {

    private final int capacity;
    private final long refillNanos;
    private final LinkedHashMap<K, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        Instant updated;

        Bucket(double tokens, Instant updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    TokenBuckets(int capacity, Duration refill, int maxKeys) {
        if (capacity < 1 || refill.isNegative() || refill.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a token bucket needs a capacity, a refill period and room for keys");
        }
        this.capacity = capacity;
        this.refillNanos = refill.toNanos();
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes a token if there is one. */
    synchronized boolean tryTake(K key, Instant now) {
        Bucket bucket = refreshed(key, now);
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    /** Takes a token, or nothing if the bucket is empty; returns whether the bucket is empty now. */
    synchronized boolean takeAndIsEmpty(K key, Instant now) {
        Bucket bucket = refreshed(key, now);
        bucket.tokens = Math.max(0, bucket.tokens - 1);
        return bucket.tokens < 1;
    }

    /** Gives back a token taken for an attempt that turned out right. */
    synchronized void giveBack(K key, Instant now) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            refill(bucket, now);
            bucket.tokens = Math.min(capacity, bucket.tokens + 1);
        }
    }

    /** Whether the bucket has no whole token now. */
    synchronized boolean isEmpty(K key, Instant now) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return false;
        }
        refill(bucket, now);
        return bucket.tokens < 1;
    }

    /** How long until the bucket has a whole token again (zero if it has one). */
    synchronized Duration untilNextToken(K key, Instant now) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        refill(bucket, now);
        return bucket.tokens >= 1
                ? Duration.ZERO
                : Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) * refillNanos));
    }

    synchronized int size() {
        return buckets.size();
    }

    private Bucket refreshed(K key, Instant now) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = new Bucket(capacity, now);
            buckets.put(key, bucket);
            return bucket;
        }
        refill(bucket, now);
        return bucket;
    }

    private void refill(Bucket bucket, Instant now) {
        long elapsed = Duration.between(bucket.updated, now).toNanos();
        if (elapsed > 0) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (double) elapsed / refillNanos);
            bucket.updated = now;
        }
    }
}
