package kz.qorgau.ledger;

/**
 * Where a perfect subtree sits: {@code level} 0 is a leaf, and node {@code (level, index)} covers the leaves
 * {@code [index·2^level, (index+1)·2^level)}. The JDBC store keys its rows by exactly this pair.
 *
 * @param level height above the leaves, 0 to 62
 * @param index position among the nodes of that level, 0 or more
 */
public record NodeAddress(int level, long index) {

    /** The highest level a tree of at most {@link Long#MAX_VALUE} leaves has. */
    public static final int MAX_LEVEL = 62;

    /**
     * Checks the address.
     *
     * @throws IllegalArgumentException if the level is outside 0..62, the index is negative, or the node
     *     would start beyond leaf {@link Long#MAX_VALUE}
     */
    public NodeAddress {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level must be between 0 and " + MAX_LEVEL + ", got " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must be 0 or more, got " + index);
        }
        if (index > (Long.MAX_VALUE >> level)) {
            throw new IllegalArgumentException(
                    "node (level " + level + ", index " + index + ") lies beyond the largest possible tree");
        }
    }

    /** The index of the first leaf under this node. */
    public long firstLeaf() {
        return index << level;
    }

    /** The number of leaves under this node, {@code 2^level}. */
    public long leafCount() {
        return 1L << level;
    }
}
