package io.graphstore.store;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.config.StoreConfig;
import io.graphstore.store.dashboard.DashboardViews;
import io.graphstore.store.fdw.FdwWiring;
import io.graphstore.store.fdw.RemapReport;
import io.graphstore.store.pool.PoolFactory;
import io.graphstore.store.primary.Directory;
import io.graphstore.store.shard.Deployments;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.schema.MigrationReport;
import io.graphstore.store.schema.SchemaManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All shards of one config, as seen by one node. {@link #open} builds a pool per shard the
 * node uses (pool_size &gt; 0), then migrates every reachable shard under the migration lock
 * in the primary. A shard that is down does not stop the open; it is reported in
 * {@link #migrationReport()} and migrated on a later open. While the primary is down nothing
 * is migrated or rewired, and directory reads go to the freshest shard mirror. Closing the
 * store refreshes the mirrors when this process changed the directory.
 */
public final class ShardedStore implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ShardedStore.class);
    private final Config config;
    private final NodeId node;
    private final StoreOptions options;
    private final Map<ShardName, ShardPool> pools;
    private final MigrationReport migrationReport;
    private final RemapReport wiringReport;
    private Directory directory;
    private Deployments deployments;

    private ShardedStore(Config config, NodeId node, StoreOptions options,
            Map<ShardName, ShardPool> pools, MigrationReport report, RemapReport wiring) {
        this.config = config;
        this.node = node;
        this.options = options;
        this.pools = Collections.unmodifiableMap(pools);
        this.migrationReport = report;
        this.wiringReport = wiring;
    }

    public static ShardedStore open(Config config, NodeId node) {
        return open(config, node, StoreOptions.fromEnvironment());
    }

    public static ShardedStore open(Config config, NodeId node, StoreOptions options) {
        Map<ShardName, ShardPool> pools = createPools(config, node, options);
        try {
            SchemaManager schemas = new SchemaManager(config, options, pools);
            record Startup(MigrationReport migration, RemapReport wiring) {
            }
            Startup startup = schemas.withMigrationLock(() -> {
                MigrationReport migration = schemas.migrateShards();
                RemapReport wiring = new FdwWiring(config, pools).wire(migration.ready(), FdwWiring.Scope.STARTUP);
                new DashboardViews(config, pools).build(migration.ready());
                return new Startup(migration, wiring);
            }, down -> new Startup(schemas.notMigrated(down), RemapReport.empty()));
            return new ShardedStore(config, node, options, pools, startup.migration(), startup.wiring());
        } catch (RuntimeException e) {
            pools.values().forEach(ShardPool::close);
            throw e;
        }
    }

    private static Map<ShardName, ShardPool> createPools(Config config, NodeId node, StoreOptions options) {
        Map<ShardName, ShardPool> pools = new LinkedHashMap<>();
        try {
            for (ShardName shard : config.shardNames()) {
                StoreConfig store = config.store(shard).orElseThrow();
                PoolFactory.create(store, node, options).ifPresent(p -> pools.put(shard, p));
            }
        } catch (RuntimeException e) {
            pools.values().forEach(ShardPool::close);
            throw e;
        }
        if (!pools.containsKey(ShardName.PRIMARY)) {
            throw new BadInputException("store.primary.pool_size: is 0 for node '" + node
                    + "', but every node needs the primary; give it a size of at least 2");
        }
        return pools;
    }

    public Config config() {
        return config;
    }

    public NodeId node() {
        return node;
    }

    public StoreOptions options() {
        return options;
    }

    public MigrationReport migrationReport() {
        return migrationReport;
    }

    /** What postgres_fdw wiring did at open. */
    public RemapReport wiringReport() {
        return wiringReport;
    }

    /**
     * Rebuilds the postgres_fdw wiring now (graphman database remap), under the migration
     * lock; with {@code removeLeftovers} also drops what shards no longer configured left.
     */
    public RemapReport remap(FdwWiring.Scope scope) {
        SchemaManager schemas = new SchemaManager(config, options, pools);
        return schemas.withMigrationLock(() -> {
            java.util.Set<ShardName> up = reachableShards();
            RemapReport report = new FdwWiring(config, pools).wire(up, scope);
            new DashboardViews(config, pools).build(up);
            return report;
        }, down -> {
            throw down.with("the fdw wiring is rebuilt under the migration lock in the primary");
        });
    }

    /** Copies the directory into every other shard's mirror (needs the primary). */
    public io.graphstore.store.mirror.MirrorRefresher mirror() {
        return new io.graphstore.store.mirror.MirrorRefresher(primary(), List.copyOf(pools.values()),
                options.connectTimeout().multipliedBy(6));
    }

    /** Runs the postgres_fdw connectivity probes from every database to every other shard. */
    public java.util.List<io.graphstore.store.fdw.CheckResult> checkConnectivity() {
        return new io.graphstore.store.fdw.ConnectivityCheck(pools, config.shardNames(), options.statementTimeout()).run();
    }

    /** The shards this node uses that answer within the connect timeout. */
    public java.util.Set<ShardName> reachableShards() {
        java.util.Set<ShardName> up = new java.util.LinkedHashSet<>();
        pools.forEach((shard, pool) -> {
            if (pool.isReachable()) {
                up.add(shard);
            }
        });
        return up;
    }

    /** The shards this node uses, primary first, in config order. */
    public List<ShardName> shards() {
        return new ArrayList<>(pools.keySet());
    }

    public ShardPool primary() {
        return pools.get(ShardName.PRIMARY);
    }

    public Optional<ShardPool> pool(ShardName shard) {
        return Optional.ofNullable(pools.get(shard));
    }

    /** The pool of {@code shard}; a bad-input error when it is not configured or ignored here. */
    public ShardPool require(ShardName shard) {
        ShardPool pool = pools.get(shard);
        if (pool != null) {
            return pool;
        }
        if (config.store(shard).isPresent()) {
            throw new BadInputException("shard '" + shard + "' has pool_size 0 for node '" + node
                    + "', so this node does not use it; run the command with a --node-id that does");
        }
        throw new BadInputException("shard '" + shard + "' is not configured (known: "
                + String.join(", ", config.shardNames().stream().map(ShardName::value).toList())
                + "); add [store." + shard + "] or fix the name");
    }

    /** The directory in the primary. */
    public synchronized Directory directory() {
        if (directory == null) {
            directory = new Directory(primary(), pools.values().stream().filter(p -> !p.shard().isPrimary()).toList(),
                    options.connectTimeout());
        }
        return directory;
    }

    /** Shard data of every site; a site in a shard this node does not use is bad input. */
    public synchronized Deployments deployments() {
        if (deployments == null) {
            deployments = new Deployments(site -> require(site.shard()), this::namespacesIn);
        }
        return deployments;
    }

    /** The namespaces of the sites in {@code shard}, for error messages; empty when unknown. */
    private List<String> namespacesIn(ShardName shard) {
        try {
            return directory().allSites().stream().filter(s -> s.shard().equals(shard))
                    .map(s -> s.namespace().value()).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Refreshes the mirrors when this process changed the directory, so a primary outage right
     * after a graphman change still finds it in the mirrors. Shards that are down are skipped
     * (their breakers fail at once); a node refreshes them later.
     */
    public void refreshMirrorsIfChanged() {
        if (directory == null || !directory.changedHere()) {
            return;
        }
        try {
            mirror().refresh().stream().filter(m -> !m.ok()).forEach(m -> LOG.warn(
                    "the directory mirror in shard '{}' was not refreshed after this change: {}", m.shard(),
                    m.error().orElse("")));
        } catch (RuntimeException e) {
            LOG.warn("the directory mirrors were not refreshed after this change: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        refreshMirrorsIfChanged();
        if (directory != null) {
            directory.close();
        }
        pools.values().forEach(ShardPool::close);
    }
}
