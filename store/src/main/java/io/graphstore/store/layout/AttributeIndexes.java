package io.graphstore.store.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The attribute indexes of a table, one per stored field, as graph-node creates them
 * ({@code store/postgres/src/relational/ddl.rs}): named
 * {@code attr_<table position>_<column number>_<table>_<column>}, cut at PostgreSQL's 63
 * characters as PostgreSQL would cut graph-node's names.
 * <ul>
 * <li>Not indexed: the id of an immutable table (its unique index covers it), lists of enums,
 * lists of Int, BigInt and BigDecimal. The numbers count the indexed columns only.</li>
 * <li>A reference (not a list): {@code btree (col, block$)} in an immutable table,
 * {@code gist (col, block_range)} in a mutable one, since queries by reference also ask for a block.</li>
 * <li>A String or Bytes field (not the id, not a reference or list): a prefix, since btree
 * entries are limited in size: {@code btree (left(col, 256))}, {@code btree (substring(col, 1, 64))}.</li>
 * <li>A list, or a fulltext column: {@code gin (col)}. graph-node builds GIN indexes on lists
 * only when {@code GRAPH_STORE_CREATE_GIN_INDEXES} is set; graph-store always does.</li>
 * <li>Anything else: {@code btree (col)}.</li>
 * </ul>
 */
final class AttributeIndexes {
    static final int STRING_PREFIX_SIZE = 256;
    static final int BYTE_ARRAY_PREFIX_SIZE = 64;

    /** One index: its name, method and the expression list in parentheses. */
    record Index(String name, String method, String expression) {
        String ddl(String qualifiedTable) {
            return "create index if not exists " + name + " on " + qualifiedTable + " using " + method + " (" + expression + ")";
        }
    }

    private AttributeIndexes() {
    }

    static List<Index> of(EntityTable table) {
        List<Index> indexes = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        if (!table.immutable()) {
            columns.add(table.id());
        }
        table.columns().stream().filter(AttributeIndexes::indexed).forEach(columns::add);
        int number = 0;
        for (Column c : columns) {
            String name = name(table, number++, c.name());
            indexes.add(new Index(name, method(table, c), expression(table, c)));
        }
        for (FulltextColumn f : table.fulltext()) {
            indexes.add(new Index(name(table, number++, f.name()), "gin", f.quotedName()));
        }
        return List.copyOf(indexes);
    }

    private static boolean indexed(Column c) {
        if (!c.list()) {
            return true;
        }
        return c.type() != ColumnType.ENUM && c.type() != ColumnType.INT && c.type() != ColumnType.BIG_INT
                && c.type() != ColumnType.BIG_DECIMAL;
    }

    private static boolean isReference(Column c) {
        return c.references().isPresent() && !c.list();
    }

    private static String method(EntityTable table, Column c) {
        if (isReference(c)) {
            return table.immutable() ? "btree" : "gist";
        }
        return c.list() ? "gin" : "btree";
    }

    private static String expression(EntityTable table, Column c) {
        if (isReference(c)) {
            return c.quotedName() + ", " + table.blockColumn();
        }
        boolean prefix = !c.name().equals("id") && c.references().isEmpty() && !c.list();
        if (prefix && (c.type() == ColumnType.STRING || c.type() == ColumnType.ID)) {
            return "left(" + c.quotedName() + ", " + STRING_PREFIX_SIZE + ")";
        }
        if (prefix && c.type() == ColumnType.BYTES) {
            return "substring(" + c.quotedName() + ", 1, " + BYTE_ARRAY_PREFIX_SIZE + ")";
        }
        return c.quotedName();
    }

    private static String name(EntityTable table, int number, String column) {
        String name = "attr_" + table.position() + "_" + number + "_" + table.name() + "_" + column;
        return name.length() <= SqlNames.MAX_LENGTH ? name : name.substring(0, SqlNames.MAX_LENGTH);
    }
}
