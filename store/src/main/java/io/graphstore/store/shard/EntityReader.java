package io.graphstore.store.shard;

import io.graphstore.common.BadInputException;
import io.graphstore.store.domain.Namespace;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.layout.Column;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.layout.Layout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads entities as they were at a block: the version whose block range contains it. */
final class EntityReader {
    private final Layout layout;
    private final Namespace ns;

    EntityReader(Layout layout, Namespace ns) {
        this.layout = layout;
        this.ns = ns;
    }

    Optional<Map<String, Object>> get(Handle h, String entityType, String id, int block) {
        EntityTable t = layout.require(entityType);
        return h.createQuery("select " + columns(t) + " from " + t.qualifiedName(ns)
                        + " where " + Sql.ident(t.id().name()) + " = cast(:id as " + t.id().sqlType(ns) + ")"
                        + " and " + t.validAt(":block"))
                .bind("id", t.id().encode(id)).bind("block", block)
                .map((rs, ctx) -> row(t, rs)).findOne();
    }

    List<Map<String, Object>> find(Handle h, String entityType, int block, Optional<Filter> filter, int limit) {
        EntityTable t = layout.require(entityType);
        StringBuilder sql = new StringBuilder("select " + columns(t) + " from " + t.qualifiedName(ns)
                + " where " + t.validAt(":block"));
        Optional<Column> col = filter.map(f -> column(t, f));
        col.ifPresent(c -> sql.append(" and ").append(Sql.ident(c.name())).append(' ')
                .append(filter.get().sqlOperator()).append(" cast(:value as ").append(c.sqlType(ns)).append(')'));
        sql.append(" order by ").append(Sql.ident(t.id().name())).append(" limit :limit");
        var q = h.createQuery(sql.toString()).bind("block", block).bind("limit", limit);
        if (col.isPresent()) {
            q.bind("value", col.get().encode(filter.get().value()));
        }
        return q.map((rs, ctx) -> row(t, rs)).list();
    }

    private static Column column(EntityTable t, Filter f) {
        Column c = f.field().equals(t.id().field()) ? t.id() : t.column(f.field()).orElseThrow(() ->
                new BadInputException("filter field '" + f.field() + "' is not a field of " + t.entityType()
                        + "; known: " + String.join(", ", t.allColumns().stream().map(Column::field).toList())));
        if (c.list()) {
            throw new BadInputException("filter field '" + f.field() + "' is a list; filter on a scalar field");
        }
        return c;
    }

    private static String columns(EntityTable t) {
        StringBuilder sb = new StringBuilder();
        for (Column c : t.allColumns()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(Sql.ident(c.name()));
        }
        return sb.toString();
    }

    private static Map<String, Object> row(EntityTable t, ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column c : t.allColumns()) {
            row.put(c.field(), c.decode(rs, c.name()));
        }
        return row;
    }
}
