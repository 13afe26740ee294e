package kz.qorgau.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 trigger that refuses UPDATE and DELETE on append-only tables (the PostgreSQL migration does
 * the same in PL/pgSQL).
 */
public final class RefuseChangeTrigger implements Trigger {

    private String table = "?";

    @Override
    public void init(
            Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String operation = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException(
                "qorgau: " + operation + " on " + table + " is refused: this table is append-only", "42501");
    }
}
