package io.graphstore.store.layout;

import io.graphstore.store.domain.Namespace;
import java.util.ArrayList;
import java.util.List;

/** The DDL of one entity table; see the package documentation for why each index exists. */
final class TableDdl {
    private TableDdl() {
    }

    /** The table with its primary key on {@code vid}, and no other index. */
    static String table(EntityTable table, Namespace ns) {
        StringBuilder create = new StringBuilder("create table ").append(table.qualifiedName(ns)).append(" (\n")
                .append("    vid bigserial primary key,\n")
                .append("    ").append(table.blockColumn()).append(table.immutable() ? " int" : " int4range")
                .append(" not null,\n")
                .append("    id ").append(table.id().sqlType(ns)).append(" not null");
        for (Column c : table.columns()) {
            create.append(",\n    ").append(c.quotedName()).append(' ').append(c.sqlType(ns));
            if (!c.nullable()) {
                create.append(" not null");
            }
        }
        for (FulltextColumn f : table.fulltext()) {
            create.append(",\n    ").append(f.ddl());
        }
        return create.append("\n)").toString();
    }

    /** The secondary indexes; {@code if not exists}, so building them again changes nothing. */
    static List<String> indexes(EntityTable table, Namespace ns) {
        String qualified = table.qualifiedName(ns);
        List<String> statements = new ArrayList<>();
        if (table.immutable()) {
            statements.add("create unique index if not exists " + table.idKeyName() + " on " + qualified + " (id)");
            statements.add("create index if not exists " + table.blockIndexName() + " on " + qualified + " (block$)");
        } else {
            statements.add("create index if not exists " + table.idIndexName() + " on " + qualified + " (id, lower(block_range))");
            statements.add("create unique index if not exists " + table.openIndexName() + " on " + qualified
                    + " (id) where upper_inf(block_range)");
            statements.add("create index if not exists " + table.blockRangeIndexName() + " on " + qualified
                    + " using brin (lower(block_range), coalesce(upper(block_range), 2147483647), vid)");
        }
        AttributeIndexes.of(table).forEach(i -> statements.add(i.ddl(qualified)));
        if (!table.dimsIndex().isEmpty()) {
            statements.add("create index if not exists " + table.dimsIndexName() + " on " + qualified + " using btree ("
                    + String.join(", ", table.dimsIndex().stream().map(c -> '"' + c + '"').toList()) + ")");
        }
        return List.copyOf(statements);
    }
}
