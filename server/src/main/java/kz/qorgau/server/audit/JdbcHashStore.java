package kz.qorgau.server.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.HashStore;
import kz.qorgau.ledger.NodeAddress;
import kz.qorgau.ledger.TreeNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's subtree hashes in the table {@code ledger_nodes}; writes join the caller's transaction.
 */
final class JdbcHashStore implements HashStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String table;

    JdbcHashStore(JdbcClient jdbc, JdbcTemplate template) {
        this(jdbc, template, "ledger_nodes");
    }

    /** A store on another table of the same shape (the contract test uses fresh tables). */
    JdbcHashStore(JdbcClient jdbc, JdbcTemplate template, String table) {
        if (!table.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        this.jdbc = jdbc;
        this.template = template;
        this.table = table;
    }

    @Override
    public void write(List<TreeNode> nodes) {
        List<Object[]> rows = new ArrayList<>(nodes.size());
        for (TreeNode node : nodes) {
            rows.add(new Object[] {node.level(), node.index(), node.hash().toByteArray()});
        }
        template.batchUpdate("insert into " + table + " (level, idx, hash) values (?, ?, ?)", rows);
    }

    @Override
    public Optional<Hash> read(NodeAddress address) {
        return jdbc.sql("select hash from " + table + " where level = ? and idx = ?")
                .params(address.level(), address.index())
                .query((rs, row) -> Hash.of(rs.getBytes(1)))
                .optional();
    }

    @Override
    public Map<NodeAddress, Hash> readAll(Collection<NodeAddress> addresses) {
        Map<NodeAddress, Hash> found = new HashMap<>();
        if (addresses.isEmpty()) {
            return found;
        }
        // One query per level keeps the statement portable (no row-value IN lists) and short (≤ 64 levels).
        Map<Integer, List<Long>> byLevel = new HashMap<>();
        for (NodeAddress address : addresses) {
            byLevel.computeIfAbsent(address.level(), level -> new ArrayList<>()).add(address.index());
        }
        byLevel.forEach((level, indices) -> jdbc.sql(
                        "select idx, hash from " + table + " where level = :level and idx in (:indices)")
                .param("level", level)
                .param("indices", indices)
                .query(rs -> {
                    found.put(new NodeAddress(level, rs.getLong(1)), Hash.of(rs.getBytes(2)));
                }));
        return found;
    }
}
