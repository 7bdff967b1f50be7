package io.graphstore.store.layout;

import io.graphstore.store.domain.Namespace;
import java.util.List;

/** The DDL of one entity table; see the package documentation for why each index exists. */
final class TableDdl {
    private TableDdl() {
    }

    static List<String> statements(EntityTable table, Namespace ns) {
        String qualified = table.qualifiedName(ns);
        StringBuilder create = new StringBuilder("create table ").append(qualified).append(" (\n")
                .append("    vid bigserial primary key,\n")
                .append("    block_range int4range not null,\n")
                .append("    id ").append(table.id().sqlType()).append(" not null");
        for (Column c : table.columns()) {
            create.append(",\n    ").append(c.quotedName()).append(' ').append(c.sqlType());
            if (!c.nullable()) {
                create.append(" not null");
            }
        }
        create.append("\n)");
        return List.of(
                create.toString(),
                "create index " + table.idIndexName() + " on " + qualified + " (id, lower(block_range))",
                "create unique index " + table.openIndexName() + " on " + qualified
                        + " (id) where upper_inf(block_range)",
                "create index " + table.blockRangeIndexName() + " on " + qualified
                        + " using brin (lower(block_range), coalesce(upper(block_range), 2147483647), vid)");
    }
}
