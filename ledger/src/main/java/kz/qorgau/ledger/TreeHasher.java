package kz.qorgau.ledger;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * RFC 9162 §2.1.1 hashing with one reused digest and scratch buffer, so hashing a leaf or a node allocates
 * nothing. Not thread-safe: each owner keeps its own, or uses {@link #local()}.
 */
final class TreeHasher {

    private static final ThreadLocal<TreeHasher> LOCAL = ThreadLocal.withInitial(TreeHasher::new);

    private final MessageDigest digest = Sha256.newDigest();

    /** 0x01 ‖ left ‖ right, assembled so the digest sees one 65-byte update instead of three. */
    private final byte[] nodeInput = new byte[1 + 2 * Hash.SIZE];

    TreeHasher() {
        nodeInput[0] = 0x01;
    }

    /** This thread's hasher. */
    static TreeHasher local() {
        return LOCAL.get();
    }

    /** H(0x00 ‖ entry) into {@code out[outOffset..outOffset+32)}. */
    void leaf(byte[] entry, byte[] out, int outOffset) {
        digest.update((byte) 0x00);
        digest.update(entry);
        finish(out, outOffset);
    }

    /** H(0x01 ‖ left ‖ right) into {@code out[outOffset..outOffset+32)}; out may alias left or right. */
    void node(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
        System.arraycopy(left, leftOffset, nodeInput, 1, Hash.SIZE);
        System.arraycopy(right, rightOffset, nodeInput, 1 + Hash.SIZE, Hash.SIZE);
        digest.update(nodeInput, 0, nodeInput.length);
        finish(out, outOffset);
    }

    byte[] leaf(byte[] entry) {
        byte[] out = new byte[Hash.SIZE];
        leaf(entry, out, 0);
        return out;
    }

    byte[] node(byte[] left, byte[] right) {
        byte[] out = new byte[Hash.SIZE];
        node(left, 0, right, 0, out, 0);
        return out;
    }

    private void finish(byte[] out, int outOffset) {
        try {
            digest.digest(out, outOffset, Hash.SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer always fits a SHA-256 digest", e);
        }
    }
}
