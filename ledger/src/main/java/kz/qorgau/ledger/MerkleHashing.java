package kz.qorgau.ledger;

/**
 * The hashes of RFC 9162 §2.1.1 over SHA-256: leaf hash {@code H(0x00 ‖ entry)}, node hash
 * {@code H(0x01 ‖ left ‖ right)} and the root of the empty tree {@code H()}.
 */
public final class MerkleHashing {

    private static final Hash EMPTY_ROOT = Hash.sha256(new byte[0]);

    private MerkleHashing() {}

    /** The leaf hash of an entry's canonical bytes. O(entry length). */
    public static Hash leafHash(byte[] entry) {
        return Hash.wrap(TreeHasher.local().leaf(entry));
    }

    /** The hash of an interior node from its two children. */
    public static Hash nodeHash(Hash left, Hash right) {
        return Hash.wrap(TreeHasher.local().node(left.bytes(), right.bytes()));
    }

    /** The root of a tree with no entries: SHA-256 of nothing ({@code 47DEQpj8…uFU=}). */
    public static Hash emptyRoot() {
        return EMPTY_ROOT;
    }
}
