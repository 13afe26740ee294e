package kz.qorgau.server.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.HashStore;
import kz.qorgau.ledger.HashStoreContractTest;
import kz.qorgau.ledger.NodeAddress;
import kz.qorgau.ledger.TreeNode;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JDBC hash store keeps the ledger library's store contract, on H2 and on PostgreSQL: each test
 * gets a fresh table of the shape of {@code ledger_nodes}.
 */
@QorgauIntegrationTest
class JdbcHashStoreIT extends HashStoreContractTest {

    private static final AtomicInteger TABLES = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    PlatformTransactionManager transactions;

    @Override
    protected HashStore newEmptyStore() {
        String table = "ledger_nodes_contract_" + System.nanoTime() % 1_000_000 + "_" + TABLES.incrementAndGet();
        template.execute("create table " + table
                + " (level integer not null, idx bigint not null, hash bytea not null, primary key (level, idx))");
        JdbcHashStore store = new JdbcHashStore(jdbc, template, table);
        // In the server every write runs inside the transaction of the change; so here too.
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return new HashStore() {
            @Override
            public void write(List<TreeNode> nodes) {
                transaction.executeWithoutResult(status -> store.write(nodes));
            }

            @Override
            public Optional<Hash> read(NodeAddress address) {
                return store.read(address);
            }

            @Override
            public Map<NodeAddress, Hash> readAll(Collection<NodeAddress> addresses) {
                return store.readAll(addresses);
            }
        };
    }
}
