package io.graphstore.store.layout;

import io.graphstore.store.domain.Namespace;
import java.util.List;

/** The DDL of one entity table; see the package documentation for why each index exists. */
final class TableDdl {
    private TableDdl() {
    }

    /** The table with its primary key on {@code vid}, and no other index. */
    static String table(EntityTable table, Namespace ns) {
        StringBuilder create = new StringBuilder("create table ").append(table.qualifiedName(ns)).append(" (\n")
                .append("    vid bigserial primary key,\n")
                .append("    block_range int4range not null,\n")
                .append("    id ").append(table.id().sqlType()).append(" not null");
        for (Column c : table.columns()) {
            create.append(",\n    ").append(c.quotedName()).append(' ').append(c.sqlType());
            if (!c.nullable()) {
                create.append(" not null");
            }
        }
        return create.append("\n)").toString();
    }

    /** The secondary indexes; {@code if not exists}, so building them again changes nothing. */
    static List<String> indexes(EntityTable table, Namespace ns) {
        String qualified = table.qualifiedName(ns);
        return List.of(
                "create index if not exists " + table.idIndexName() + " on " + qualified + " (id, lower(block_range))",
                "create unique index if not exists " + table.openIndexName() + " on " + qualified
                        + " (id) where upper_inf(block_range)",
                "create index if not exists " + table.blockRangeIndexName() + " on " + qualified
                        + " using brin (lower(block_range), coalesce(upper(block_range), 2147483647), vid)");
    }
}
