package kz.qorgau.ledger;

/**
 * The hash of one perfect subtree, as a store keeps it: one row {@code (level, idx, hash)}.
 *
 * @param level height above the leaves (0 = leaf hash)
 * @param index position among the nodes of that level
 * @param hash the subtree's Merkle tree hash
 */
public record TreeNode(int level, long index, Hash hash) {

    /** Checks the address as {@link NodeAddress} does. */
    public TreeNode {
        new NodeAddress(level, index);
    }

    /** This node's address. */
    public NodeAddress address() {
        return new NodeAddress(level, index);
    }
}
