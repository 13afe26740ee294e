package kz.qorgau.ledger;

import java.util.List;

/**
 * The outcome of appending one leaf, computed by {@link LogState#append(Hash)} before anything is stored.
 *
 * @param index the new leaf's index (the size before the append)
 * @param leafHash the new leaf's hash
 * @param nodes the nodes to store, leaf first: the rows for {@link HashStore#write}
 * @param next the state once these nodes are stored
 */
public record AppendPlan(long index, Hash leafHash, List<TreeNode> nodes, LogState next) {

    /** Copies the node list. */
    public AppendPlan {
        nodes = List.copyOf(nodes);
    }
}
