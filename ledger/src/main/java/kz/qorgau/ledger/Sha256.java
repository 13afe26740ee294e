package kz.qorgau.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** One reusable SHA-256 digest per thread, because creating a digest costs more than hashing a leaf. */
final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {}

    /** This thread's digest, reset. */
    static MessageDigest get() {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest;
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
