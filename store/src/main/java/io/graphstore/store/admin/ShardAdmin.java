package io.graphstore.store.admin;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.common.ShardName;
import io.graphstore.config.DeploymentRule;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.Site;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.primary.AssignmentDao;
import io.graphstore.store.primary.CordonDao;
import io.graphstore.store.primary.SubgraphDao;
import io.graphstore.store.rebalance.Placed;
import io.graphstore.store.rebalance.Plan;
import io.graphstore.store.rebalance.RebalancePlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shard lifecycle API graphman calls: cordon and uncordon (primary), rebalance plans (read
 * the directory and every shard's namespace sizes; change nothing), and the removal check.
 */
public final class ShardAdmin {
    private final ShardedStore store;

    public ShardAdmin(ShardedStore store) {
        this.store = store;
    }

    /** {@code name} as a configured shard; bad input naming the known ones otherwise. */
    public ShardName configured(String name) {
        Optional<ShardName> shard = store.shards().stream().filter(s -> s.value().equals(name)).findFirst();
        return shard.orElseThrow(() -> new BadInputException("shard " + Echo.quoted(name) + " is not configured (known: "
                + String.join(", ", store.shards().stream().map(ShardName::value).toList())
                + "); use one of those or add [store." + Echo.shown(name) + "] to the config"));
    }

    /** Cordons the shard; false when it was cordoned already. */
    public boolean cordon(String name, String reason) {
        ShardName shard = configured(name);
        return store.directory().write(h -> h.attach(CordonDao.class).cordon(shard.value(), reason)) > 0;
    }

    /** Uncordons the shard; false when it was not cordoned. */
    public boolean uncordon(String name) {
        ShardName shard = configured(name);
        return store.directory().write(h -> h.attach(CordonDao.class).uncordon(shard.value())) > 0;
    }

    public Map<ShardName, CordonDao.Cordon> cordons() {
        return store.directory().cordons();
    }

    /**
     * The rebalance plan: reads the directory, the config's rules and each shard's namespace
     * sizes and finished copies; changes nothing. A shard that cannot be read is left out of
     * the sizes (its deployments count 0 bytes).
     *
     * @param thresholdPercent how far from the average a shard may be under {@code least_used}
     */
    public Plan plan(double thresholdPercent, int maxMoves, RebalancePlanner.By by) {
        if (thresholdPercent < 0 || thresholdPercent > 1000) {
            throw new BadInputException("--threshold " + thresholdPercent + " is out of range; use a percentage from 0"
                    + " to 1000 (default 10)");
        }
        if (maxMoves < 1) {
            throw new BadInputException("--max-moves " + maxMoves + " is invalid; use 1 or more");
        }
        Sizes sizes = sizes();
        var planner = new RebalancePlanner(thresholdPercent / 100.0, by, cordons().keySet(), sizes.throughput());
        return planner.plan(placed(sizes.bytes()), maxMoves);
    }

    /**
     * The bytes of every deployment namespace in the reachable shards, and the copy throughput
     * this installation measured (bytes of finished copies over their time). A shard that cannot
     * be read is left out (its deployments count 0 bytes).
     */
    public record Sizes(Map<String, Long> bytes, Optional<Double> throughput) {
        public long of(Site site) {
            return bytes.getOrDefault(site.namespace().value(), 0L);
        }

        /** How long copying {@code bytes} should take at the measured throughput. */
        public Optional<java.time.Duration> estimate(long bytes) {
            return throughput.filter(b -> b > 0).map(b -> java.time.Duration.ofMillis((long) (1000.0 * bytes / b)));
        }
    }

    public Sizes sizes() {
        Map<String, Long> sizes = new HashMap<>();
        double copiedBytes = 0;
        double copySeconds = 0;
        for (ShardName shard : store.shards()) {
            Optional<ShardPool> pool = store.pool(shard);
            if (pool.isEmpty()) {
                continue;
            }
            try {
                sizes.putAll(namespaceSizes(pool.get()));
                for (double[] c : finishedCopies(pool.get())) {
                    copiedBytes += sizes.getOrDefault("sgd" + (int) c[0], 0L);
                    copySeconds += c[1];
                }
            } catch (RuntimeException e) {
                // an unreadable shard: its deployments count 0 bytes
            }
        }
        return new Sizes(sizes, copySeconds > 0 && copiedBytes > 0 ? Optional.of(copiedBytes / copySeconds)
                : Optional.empty());
    }

    /** The subgraph name each deployment hash is placed by: its current version's name, else its pending one's. */
    Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (SubgraphDao.NameRow row : store.directory().subgraphs()) {
            if (row.pending() != null) {
                names.putIfAbsent(row.pending(), row.name());
            }
            if (row.current() != null) {
                names.put(row.current(), row.name());
            }
        }
        return names;
    }

    /** The node each assigned site is assigned to, read from the primary. */
    Map<Integer, String> assignedNodes() {
        Map<Integer, String> assigned = new HashMap<>();
        store.directory().readPrimary(h -> {
            h.createQuery("select id, node_id from subgraphs.subgraph_deployment_assignment")
                    .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2))).forEach(e -> assigned.put(e.getKey(),
                            e.getValue()));
            return null;
        });
        return assigned;
    }

    /** Every active, assigned deployment copy with the rule its name matches now. */
    List<Placed> placed(Map<String, Long> sizes) {
        Map<String, String> names = names();
        Map<Integer, String> assigned = assignedNodes();
        List<Placed> placed = new ArrayList<>();
        for (Site site : store.directory().allSites()) {
            String name = names.get(site.hash().value());
            if (!site.active() || name == null || !assigned.containsKey(site.id().value())) {
                continue;
            }
            DeploymentRule rule = store.config().ruleFor(name, site.network());
            placed.add(new Placed(site, name, rule, sizes.getOrDefault(site.namespace().value(), 0L)));
        }
        return placed;
    }

    private static Map<String, Long> namespaceSizes(ShardPool pool) {
        Map<String, Long> sizes = new HashMap<>();
        pool.withHandle(h -> h.createQuery("""
                select n.nspname, sum(pg_total_relation_size(c.oid))::bigint
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname ~ '^sgd[0-9]+$' and c.relkind in ('r', 'm', 'p')
                 group by n.nspname""").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .forEach(e -> sizes.put(e.getKey(), e.getValue()));
        return sizes;
    }

    /** Finished copies into the shard: destination id and seconds from start to finish. */
    private static List<double[]> finishedCopies(ShardPool pool) {
        return pool.withHandle(h -> h.createQuery("""
                select dst, extract(epoch from finished_at - started_at)::float8
                  from subgraphs.copy_state
                 where state = 'finished' and started_at is not null and finished_at > started_at""")
                .map((rs, ctx) -> new double[] {rs.getInt(1), rs.getDouble(2)}).list());
    }

    /** Everything that still references the shard; see {@link ShardReferences#safeToRemove()}. */
    public ShardReferences references(String name) {
        ShardName shard = configured(name);
        List<String> deployments = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        store.directory().readPrimary(h -> {
            for (Site site : store.directory().allSites()) {
                if (site.shard().equals(shard)) {
                    String node = h.attach(AssignmentDao.class).byId(site.id().value()).map(AssignmentDao.Row::nodeId)
                            .map(n -> "assigned to " + n).orElse("unassigned");
                    deployments.add(site.describe() + ", " + (site.active() ? "active" : "inactive") + ", " + node);
                }
            }
            h.createQuery("""
                    select namespace || ' (' || deployment || ')' from public.unused_deployments
                     where shard = :shard and removed_at is null order by id""")
                    .bind("shard", shard.value()).mapTo(String.class).forEach(unused::add);
            h.createQuery("""
                    select 'sgd' || ac.src || ' (' || s.shard || ') -> sgd' || ac.dst || ' (' || d.shard || ')'
                      from public.active_copies ac
                      join public.deployment_schemas s on s.id = ac.src
                      join public.deployment_schemas d on d.id = ac.dst
                     where s.shard = :shard or d.shard = :shard
                     order by ac.dst""").bind("shard", shard.value()).mapTo(String.class).forEach(copies::add);
            return null;
        });
        List<String> chains = store.directory().chains().stream().filter(c -> c.shard().equals(shard.value()))
                .map(c -> c.name() + " (" + c.namespace() + ")").toList();
        List<String> rules = store.config().rules().stream().filter(r -> r.shards().contains(shard))
                .map(DeploymentRule::describe).toList();
        return new ShardReferences(shard, shard.isPrimary(), cordons().containsKey(shard), deployments, chains, copies,
                rules, unused);
    }
}
