package io.graphstore.store.layout;

import io.graphstore.store.domain.Namespace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes and reads entity rows the way the data code does: one {@code text[]} parameter per
 * column of {@link Column#encode} texts, unnested and cast; read back with {@link Column#decode}.
 */
final class TableRows {
    private TableRows() {
    }

    static void create(Connection c, Layout layout, Namespace ns) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create schema " + ns);
            for (String ddl : layout.createStatements(ns)) {
                s.execute(ddl);
            }
        }
    }

    /** Inserts {@code rows} (GraphQL field → Java value) as versions open from {@code block}. */
    static void insert(Connection c, Namespace ns, EntityTable table, int block, List<Map<String, Object>> rows)
            throws SQLException {
        List<Column> cols = table.allColumns();
        String sql = "insert into " + table.qualifiedName(ns) + " (" + table.blockColumn() + ", "
                + cols.stream().map(Column::quotedName).collect(Collectors.joining(", "))
                + ") select " + table.blocksFrom("?") + ", "
                + join(cols, i -> "u.c" + i + "::" + cols.get(i).sqlType(ns))
                + " from unnest(" + join(cols, i -> "?::text[]") + ") as u(" + join(cols, i -> "c" + i) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, block);
            for (int i = 0; i < cols.size(); i++) {
                Column col = cols.get(i);
                String[] texts = rows.stream().map(r -> col.encode(r.get(col.field()))).toArray(String[]::new);
                ps.setArray(i + 2, c.createArrayOf("text", texts));
            }
            ps.executeUpdate();
        }
    }

    /** Every version in vid order, as GraphQL field → decoded value. */
    static List<Map<String, Object>> read(Connection c, Namespace ns, EntityTable table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from " + table.qualifiedName(ns) + " order by vid")) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Column col : table.allColumns()) {
                    row.put(col.field(), col.decode(rs, col.name()));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** byte[] as hex, recursively, so rows compare with equals. */
    static Object comparable(Object value) {
        if (value instanceof byte[] b) {
            return "0x" + HexFormat.of().formatHex(b);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v == null ? "<null>" : comparable(v)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, comparable(v)));
            return out;
        }
        return value;
    }

    static Map<String, Object> row(Object... fieldsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            row.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return row;
    }

    private static String join(List<Column> cols, java.util.function.IntFunction<String> part) {
        return java.util.stream.IntStream.range(0, cols.size()).mapToObj(part).collect(Collectors.joining(", "));
    }
}
