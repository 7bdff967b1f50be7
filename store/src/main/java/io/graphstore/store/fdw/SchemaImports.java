package io.graphstore.store.fdw;

import io.graphstore.common.ShardName;
import io.graphstore.store.internal.Sql;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The mapped schemas in one database: {@code primary_public} and {@code shard_<name>_subgraphs}.
 * Each carries a comment naming the source's schema version; a schema is rebuilt only when
 * its tables or that comment differ from what is expected (or when forced).
 */
final class SchemaImports {
    private SchemaImports() {
    }

    /** {@code primary_public} as plain views over the primary's own tables (inside the primary). */
    static String primaryViews(Handle h, String marker, boolean force) {
        String schema = MappedTables.PRIMARY_SCHEMA;
        if (!force && current(h, schema, MappedTables.primarySchemaTables(), marker)) {
            return schema + " unchanged";
        }
        h.execute("drop schema if exists " + Sql.ident(schema) + " cascade");
        h.execute("create schema " + Sql.ident(schema));
        for (String t : MappedTables.PRIMARY_TABLES) {
            h.execute("create view " + Sql.qualified(schema, t) + " as select * from " + Sql.qualified("public", t));
        }
        for (String t : MappedTables.PRIMARY_SUBGRAPH_TABLES) {
            h.execute("create view " + Sql.qualified(schema, t) + " as select * from " + Sql.qualified("subgraphs", t));
        }
        comment(h, schema, marker);
        return schema + " created (" + MappedTables.primarySchemaTables().size() + " views)";
    }

    /** {@code primary_public} as foreign tables over the primary (in every other database). */
    static String primaryForeign(Handle h, String marker, boolean force) {
        return importSchema(h, MappedTables.PRIMARY_SCHEMA, ShardName.PRIMARY, List.of("public", "subgraphs"),
                List.of(MappedTables.PRIMARY_TABLES, MappedTables.PRIMARY_SUBGRAPH_TABLES), marker, force);
    }

    /** {@code shard_<name>_subgraphs}: the source shard's metadata and mirror tables. */
    static String shard(Handle h, ShardName source, String marker, boolean force) {
        return importSchema(h, MappedTables.shardSchema(source), source, List.of("subgraphs", "mirror"),
                List.of(MappedTables.SHARD_TABLES, MappedTables.MIRROR_TABLES), marker, force);
    }

    private static String importSchema(Handle h, String schema, ShardName source, List<String> remoteSchemas,
            List<List<String>> tables, String marker, boolean force) {
        List<String> expected = tables.stream().flatMap(List::stream).distinct().sorted().toList();
        if (!force && current(h, schema, expected, marker)) {
            return schema + " unchanged";
        }
        h.execute("drop schema if exists " + Sql.ident(schema) + " cascade");
        h.execute("create schema " + Sql.ident(schema));
        for (int i = 0; i < remoteSchemas.size(); i++) {
            String list = String.join(", ", tables.get(i).stream().map(Sql::ident).toList());
            h.execute("import foreign schema " + Sql.ident(remoteSchemas.get(i)) + " limit to (" + list + ") from server "
                    + Sql.ident(MappedTables.server(source)) + " into " + Sql.ident(schema));
        }
        comment(h, schema, marker);
        return schema + " mapped (" + expected.size() + " tables)";
    }

    private static boolean current(Handle h, String schema, List<String> expectedTables, String marker) {
        Optional<String> comment = h.createQuery("select obj_description(oid, 'pg_namespace') from pg_namespace"
                + " where nspname = ?").bind(0, schema).mapTo(String.class).findOne();
        if (comment.isEmpty() || !marker.equals(comment.get())) {
            return false;
        }
        List<String> have = h.createQuery("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relkind in ('f', 'v') order by 1").bind(0, schema).mapTo(String.class).list();
        return have.equals(expectedTables.stream().sorted().toList());
    }

    private static void comment(Handle h, String schema, String marker) {
        h.execute("comment on schema " + Sql.ident(schema) + " is " + Sql.literal(marker));
    }
}
