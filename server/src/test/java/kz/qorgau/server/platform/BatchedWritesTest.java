package kz.qorgau.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class BatchedWritesTest {

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private BatchedWrites writes;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table parent (id int primary key, version int not null)");
        jdbc.execute("create table child (id int primary key, parent_id int not null references parent (id))");
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        writes = new BatchedWrites(jdbc);
    }

    @Test
    void withoutDeferringAWriteRunsAtOnceAndSaysWhetherItChangedARow() {
        transaction.executeWithoutResult(status -> {
            assertThat(writes.deferring()).isFalse();
            assertThat(writes.write("insert into parent values (?, ?)", new Object[] {1, 1}, false, () -> ""))
                    .isTrue();
            assertThat(count("parent")).isEqualTo(1);
            assertThat(writes.write(
                            "update parent set version = ? where id = ? and version = ?",
                            new Object[] {3, 1, 2},
                            true,
                            () -> "lost"))
                    .isFalse();
        });
    }

    @Test
    void deferredWritesWaitForTheCommitAndKeepTheOrderOfTheirStatements() {
        List<Long> seenInside = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            writes.deferInThisTransaction();
            for (int i = 1; i <= 3; i++) {
                // parent then child, interleaved per row: the child's rows refer to parents
                writes.write("insert into parent values (?, ?)", new Object[] {i, 1}, false, () -> "");
                writes.write("insert into child values (?, ?)", new Object[] {10 + i, i}, false, () -> "");
            }
            writes.write(
                    "update parent set version = ? where id = ? and version = ?",
                    new Object[] {2, 1, 1},
                    true,
                    () -> "lost");
            seenInside.add(count("parent"));
        });
        assertThat(seenInside).containsExactly(0L);
        assertThat(count("parent")).isEqualTo(3);
        assertThat(count("child")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select version from parent where id = 1", Integer.class))
                .isEqualTo(2);
        // the next transaction does not defer unless it asks
        transaction.executeWithoutResult(
                status -> assertThat(writes.deferring()).isFalse());
    }

    @Test
    void aDeferredConditionalWriteThatChangesNothingFailsTheCommitAndNothingIsWritten() {
        jdbc.update("insert into parent values (1, 5)");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    writes.deferInThisTransaction();
                    writes.write("insert into parent values (?, ?)", new Object[] {2, 1}, false, () -> "");
                    assertThat(writes.write(
                                    "update parent set version = ? where id = ? and version = ?",
                                    new Object[] {2, 1, 1},
                                    true,
                                    () -> "parent 1 was changed by someone else"))
                            .isTrue();
                }))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("parent 1 was changed by someone else");
        assertThat(count("parent")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select version from parent where id = 1", Integer.class))
                .isEqualTo(5);
    }

    @Test
    void deferringNeedsATransaction() {
        assertThatThrownBy(writes::deferInThisTransaction).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransactionMemoReadsOncePerTransaction() {
        List<String> lookups = new ArrayList<>();
        Object owner = new Object();
        transaction.executeWithoutResult(status -> {
            assertThat(TransactionMemo.<String, String>get(owner, "a", k -> {
                        lookups.add(k);
                        return k + "!";
                    }))
                    .isEqualTo("a!");
            assertThat(TransactionMemo.<String, String>get(owner, "a", k -> {
                        lookups.add(k);
                        return "other";
                    }))
                    .isEqualTo("a!");
        });
        transaction.executeWithoutResult(status -> TransactionMemo.get(owner, "a", k -> {
            lookups.add(k);
            return k;
        }));
        TransactionMemo.get(owner, "a", k -> {
            lookups.add(k);
            return k;
        });
        assertThat(lookups).containsExactly("a", "a", "a");
    }

    @Test
    void theBatchInsertOptionIsAddedForPostgreSqlUrlsThatDoNotSetIt() {
        assertThat(PostgresBatchInserts.applies("jdbc:postgresql://db:5432/qorgau"))
                .isTrue();
        assertThat(PostgresBatchInserts.applies("jdbc:postgresql://db/qorgau?rewritebatchedinserts=false"))
                .isFalse();
        assertThat(PostgresBatchInserts.applies("jdbc:h2:file:./data/db")).isFalse();
        assertThat(PostgresBatchInserts.applies(null)).isFalse();
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }
}
