package kz.qorgau.server.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Instants to and from {@code timestamp with time zone} columns, the same way on H2 and PostgreSQL. */
public final class SqlTime {

    private SqlTime() {}

    /** The value to bind for an instant. */
    public static @Nullable OffsetDateTime bind(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant in a column, or {@code null}. */
    public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The instant in a column that is never null. */
    public static Instant require(ResultSet rs, String column) throws SQLException {
        Instant value = read(rs, column);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is unexpectedly null");
        }
        return value;
    }
}
