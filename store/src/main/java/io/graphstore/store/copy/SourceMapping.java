package io.graphstore.store.copy;

import io.graphstore.common.StoreException;
import io.graphstore.store.domain.Site;
import io.graphstore.store.fdw.MappedTables;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.layout.Layout;
import org.jdbi.v3.core.Handle;

/**
 * The source site's namespace mapped into the destination shard as foreign tables, in a
 * schema named like the source's ({@code sgd<src>}); graph-node does the same. Created when a
 * copy or a follower needs it and dropped when the copy ends. A schema is only ever dropped
 * when every relation in it is a foreign table, so a real namespace can never be lost.
 */
final class SourceMapping {
    private SourceMapping() {
    }

    static void ensure(Handle h, Site src, Layout layout) {
        String schema = src.namespace().value();
        int foreign = count(h, schema, "f");
        int local = count(h, schema, "r");
        if (local > 0) {
            throw new StoreException("schema " + schema + " in this shard holds real tables; it cannot map site "
                    + src.describe() + " there");
        }
        if (foreign == layout.tables().size()) {
            return;
        }
        h.execute("drop schema if exists " + Sql.ident(schema) + " cascade");
        h.execute("create schema " + Sql.ident(schema));
        // postgres_fdw types enum columns with the source's type names, so those types must exist here
        layout.typeStatements(src.namespace()).forEach(h::execute);
        h.execute("import foreign schema " + Sql.ident(schema) + " from server "
                + Sql.ident(MappedTables.server(src.shard())) + " into " + Sql.ident(schema));
    }

    static void drop(Handle h, Site src) {
        String schema = src.namespace().value();
        if (count(h, schema, "r") == 0) {
            h.execute("drop schema if exists " + Sql.ident(schema) + " cascade");
        }
    }

    private static int count(Handle h, String schema, String relkind) {
        return h.createQuery("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relkind = ?").bind(0, schema).bind(1, relkind).mapTo(Integer.class).one();
    }

    /** After copying with explicit vids, new writes to the copy must get vids above all of them. */
    static void advanceVidSequences(Handle h, Site site, Layout layout) {
        for (var t : layout.tables()) {
            String table = t.qualifiedName(site.namespace());
            h.execute("select setval(pg_get_serial_sequence(" + Sql.literal(table) + ", 'vid'),"
                    + " greatest((select coalesce(max(vid), 0) from " + table + "), 1))");
        }
    }
}
