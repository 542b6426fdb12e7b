package it.mssg.core.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whole tables row by row for the data export (streamed with a fetch size), and the database-level steps
 * of backups and of deleting everything. Table names come only from the export's fixed list.
 */
@Repository
public class DataDumpStore {

    /** Rows fetched per round trip; PostgreSQL streams only inside a transaction (the caller opens one). */
    private static final int FETCH = 500;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    DataDumpStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public interface RowSink {
        void header(List<String> columns);

        void row(List<Object> values);
    }

    /** "H2", "PostgreSQL", ... */
    public String product() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }

    public boolean isH2() {
        return "H2".equalsIgnoreCase(product());
    }

    /** Those of {@code wanted} (lower case) that exist in the current schema, in the given order. */
    public List<String> existingTables(List<String> wanted) {
        Set<String> present = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) present.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the database's tables", e);
        }
        return wanted.stream().filter(t -> present.contains(t.toLowerCase(Locale.ROOT))).toList();
    }

    public long count(String table) {
        requireName(table);
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }

    /** Every row of {@code table} in primary-key (first column) order. */
    public long dump(String table, RowSink sink) {
        requireName(table);
        long[] n = {0};
        jdbc.query(con -> {
            var ps = con.prepareStatement("select * from " + table + " order by 1");
            ps.setFetchSize(FETCH);
            return ps;
        }, rs -> {
            ResultSetMetaData md = rs.getMetaData();
            int cols = md.getColumnCount();
            if (n[0] == 0) {
                List<String> names = new ArrayList<>(cols);
                for (int i = 1; i <= cols; i++) names.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                sink.header(names);
            }
            List<Object> values = new ArrayList<>(cols);
            for (int i = 1; i <= cols; i++) values.add(value(rs, md.getColumnType(i), i));
            sink.row(values);
            n[0]++;
        });
        if (n[0] == 0) sink.header(columns(table));
        return n[0];
    }

    private List<String> columns(String table) {
        return jdbc.query("select * from " + table + " where 1 = 0", rs -> {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) names.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            return names;
        });
    }

    private static Object value(ResultSet rs, int type, int i) throws SQLException {
        Object v = switch (type) {
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(i);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                Timestamp t = rs.getTimestamp(i);
                yield t == null ? null : t.toInstant().toString();
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : Base64.getEncoder().encodeToString(b);
            }
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }

    private static void requireName(String table) {
        if (!table.matches("[a-z_]{1,60}")) throw new IllegalArgumentException("Not a table name: " + table);
    }

    /** H2's consistent online backup (a zip holding the database file) to {@code file}. */
    public void backupH2To(java.nio.file.Path file) {
        jdbc.execute("backup to '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
    }

    /**
     * Makes the database unusable and empty before its files go: H2 is shut down (its files are then free to
     * delete); on PostgreSQL the schema's tables are dropped (the server keeps its own files). Then the
     * connection pool is closed, so nothing can open or re-create the database in this run.
     */
    public void closeForDeletion() {
        if (isH2()) {
            jdbc.execute("shutdown");
        } else {
            String schema = jdbc.queryForObject("select current_schema()", String.class);
            if (!"public".equals(schema)) {
                throw new IllegalStateException("Refusing to drop the schema " + schema + "; only public is dropped");
            }
            jdbc.execute("drop schema public cascade");
            jdbc.execute("create schema public");
        }
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot close the connection pool", e);
            }
        }
    }
}
