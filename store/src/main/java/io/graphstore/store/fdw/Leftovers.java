package io.graphstore.store.fdw;

import io.graphstore.common.ShardName;
import io.graphstore.store.pool.ShardPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Servers {@code shard_<x>} (with their user mappings) and schemas {@code shard_<x>_subgraphs}
 * in one database whose shard is no longer configured, or that name the database itself.
 * graph-node leaves these behind when a shard is removed; remap drops them. Also the source
 * mappings of copies ({@code sgd<N>} schemas of foreign tables only) that no copy in progress
 * and no follower in this shard reads any more, as a crash or a stopped follower leaves them.
 */
final class Leftovers {
    private Leftovers() {
    }

    private static List<String> staleSourceMappings(org.jdbi.v3.core.Handle h, ShardName here) {
        List<String> stale = h.createQuery("""
                select n.nspname from pg_namespace n
                 where n.nspname ~ '^sgd[0-9]+$'
                   and exists (select 1 from pg_class c where c.relnamespace = n.oid and c.relkind = 'f')
                   and not exists (select 1 from pg_class c where c.relnamespace = n.oid and c.relkind <> 'f')
                   and substr(n.nspname, 4)::int not in (
                         select f.src from subgraphs.follow_state f
                          where not exists (select 1 from subgraphs.copy_state c
                                             where c.dst = f.id and c.state = 'cancelled')
                         union select src from subgraphs.copy_state
                          where state in ('queued', 'copying', 'catching_up'))
                 order by 1""").mapTo(String.class).list();
        List<String> removed = new ArrayList<>();
        for (String schema : stale) {
            FdwWiring.drop(h, "schema", schema);
            removed.add(here + ": schema " + schema + " (a copy's source mapping nothing reads any more)");
        }
        return removed;
    }

    static List<String> remove(ShardPool pool, ShardName here, List<ShardName> configured) {
        Set<String> wantedServers = configured.stream().filter(s -> !s.equals(here))
                .map(MappedTables::server).collect(Collectors.toSet());
        Set<String> wantedSchemas = configured.stream().filter(s -> !s.equals(here))
                .map(MappedTables::shardSchema).collect(Collectors.toSet());
        return pool.jdbi().inTransaction(h -> {
            List<String> removed = new ArrayList<>();
            List<String> servers = h.createQuery("select s.srvname from pg_foreign_server s"
                    + " join pg_foreign_data_wrapper w on w.oid = s.srvfdw"
                    + " where w.fdwname = 'postgres_fdw' and s.srvname ~ '^shard_[a-z0-9_]{1,30}$' order by 1")
                    .mapTo(String.class).list();
            for (String s : servers) {
                if (!wantedServers.contains(s)) {
                    FdwWiring.drop(h, "server", s);
                    removed.add(here + ": server " + s);
                }
            }
            List<String> schemas = h.createQuery("select nspname from pg_namespace"
                    + " where nspname ~ '^shard_[a-z0-9_]{1,30}_subgraphs$' order by 1").mapTo(String.class).list();
            for (String s : schemas) {
                if (!wantedSchemas.contains(s)) {
                    FdwWiring.drop(h, "schema", s);
                    removed.add(here + ": schema " + s);
                }
            }
            removed.addAll(staleSourceMappings(h, here));
            return removed;
        });
    }
}
