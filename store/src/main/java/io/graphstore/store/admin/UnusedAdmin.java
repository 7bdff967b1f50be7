package io.graphstore.store.admin;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Site;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Unused deployments: a site is unused when no node is assigned to it, it is not the active
 * copy of a current or pending version, and it is not the source of a copy in progress.
 * {@link #record} notes them (and forgets those used again), {@link #remove} drops those
 * recorded long enough ago and still unused: first the shard data, then the directory row, so
 * an interrupted removal is finished by running it again. History stays in
 * {@code unused_deployments}.
 */
public final class UnusedAdmin {
    /** A row of {@code unused_deployments}. */
    public record Unused(int id, String deployment, String shard, String namespace, String network, long entityCount,
            List<String> subgraphs, OffsetDateTime unusedAt, OffsetDateTime removedAt) {
    }

    @RegisterConstructorMapper(Unused.class)
    interface Dao {
        @SqlQuery("""
                select id, deployment, shard, namespace, network, entity_count, coalesce(subgraphs, '{}') as subgraphs,
                       unused_at, removed_at
                  from public.unused_deployments order by unused_at, id""")
        List<Unused> all();
    }

    static final String UNUSED = """
            select ds.id from public.deployment_schemas ds
             where not exists (select 1 from subgraphs.subgraph_deployment_assignment a where a.id = ds.id)
               and not (ds.active and exists (select 1 from subgraphs.subgraph_version v
                          join subgraphs.subgraph s on s.current_version = v.id or s.pending_version = v.id
                         where v.deployment = ds.subgraph))
               and not exists (select 1 from public.active_copies ac where ac.src = ds.id and ac.cancelled_at is null)""";

    private final ShardedStore store;

    public UnusedAdmin(ShardedStore store) {
        this.store = store;
    }

    /** Records every unused site not recorded yet; forgets recorded ones that are used again. Returns the new ones. */
    public List<Unused> record() {
        List<Integer> fresh = store.directory().write(h -> {
            h.execute("delete from public.unused_deployments where removed_at is null and id not in (" + UNUSED + ")");
            return h.createQuery("""
                    insert into public.unused_deployments (id, deployment, shard, namespace, network, subgraphs)
                    select ds.id, ds.subgraph, ds.shard, ds.name, ds.network,
                           (select array_agg(distinct s.name) from subgraphs.subgraph_version v
                              join subgraphs.subgraph s on s.id = v.subgraph where v.deployment = ds.subgraph)
                      from public.deployment_schemas ds
                     where ds.id in (""" + UNUSED + """
                    ) on conflict (id) do nothing
                    returning id""").mapTo(Integer.class).list();
        });
        return list(false).stream().filter(u -> fresh.contains(u.id())).toList();
    }

    /** Recorded deployments; with {@code existingOnly}, only those not removed yet. */
    public List<Unused> list(boolean existingOnly) {
        List<Unused> all = store.directory().write(h -> h.attach(Dao.class).all());
        return existingOnly ? all.stream().filter(u -> u.removedAt() == null).toList() : all;
    }

    /**
     * Removes recorded deployments that have been unused for at least {@code olderThan} and
     * are still unused, at most {@code count} of them, or only {@code hash} when given.
     */
    public List<Unused> remove(Duration olderThan, int count, Optional<DeploymentHash> hash) {
        return io.graphstore.store.pool.LongStatements.allow(() -> removeUnused(olderThan, count, hash));
    }

    private List<Unused> removeUnused(Duration olderThan, int count, Optional<DeploymentHash> hash) {
        List<Unused> removed = new ArrayList<>();
        for (Unused u : list(true)) {
            if (removed.size() >= count || (hash.isPresent() && !hash.get().value().equals(u.deployment()))
                    || u.unusedAt().isAfter(OffsetDateTime.now().minus(olderThan))) {
                continue;
            }
            boolean stillUnused = store.directory().write(h -> h.createQuery(UNUSED + " and ds.id = :id")
                    .bind("id", u.id()).mapTo(Integer.class).findOne().isPresent());
            Optional<Site> site = store.directory().site(DeploymentId.of(u.id()));
            if (!stillUnused || site.isEmpty()) {
                continue;
            }
            long entities = store.pool(site.get().shard()).isPresent() && store.deployments().exists(site.get())
                    ? store.deployments().data(site.get()).head().entityCount() : 0;
            store.deployments().drop(site.get());
            OffsetDateTime removedAt = store.directory().write(h -> {
                OffsetDateTime at = h.createQuery("update public.unused_deployments set removed_at = now(),"
                                + " entity_count = :n where id = :id returning removed_at")
                        .bind("n", entities).bind("id", u.id()).mapTo(OffsetDateTime.class).one();
                h.execute("delete from public.deployment_schemas where id = ?", u.id());
                return at;
            });
            removed.add(new Unused(u.id(), u.deployment(), u.shard(), u.namespace(), u.network(), entities,
                    u.subgraphs(), u.unusedAt(), removedAt));
        }
        return removed;
    }
}
