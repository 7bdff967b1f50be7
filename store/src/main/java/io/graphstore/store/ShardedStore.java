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
import io.graphstore.store.schema.SetupStamp;
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
    private final SetupStamp stamp;
    private volatile MigrationReport migrationReport;
    private volatile RemapReport wiringReport = RemapReport.empty();
    private Directory directory;
    private Deployments deployments;

    private ShardedStore(Config config, NodeId node, StoreOptions options, Map<ShardName, ShardPool> pools) {
        this.config = config;
        this.node = node;
        this.options = options;
        this.pools = Collections.unmodifiableMap(pools);
        this.stamp = new SetupStamp(config, options, this.pools);
        this.migrationReport = SchemaManager.setUpEarlier(config, this.pools);
    }

    /** Whether an open sets every database up, or only when its setup stamp says so. */
    public enum Setup {
        /** Migrate, wire and build the views in every reachable database (a node, {@code database migrate}). */
        ALWAYS,
        /**
         * Check the primary's setup stamp (one query) and each other shard's when a command first
         * touches it; run the full setup only when a stamp or the wiring differs (graphman).
         */
        IF_CHANGED
    }

    public static ShardedStore open(Config config, NodeId node) {
        return open(config, node, StoreOptions.fromEnvironment());
    }

    public static ShardedStore open(Config config, NodeId node, StoreOptions options) {
        return open(config, node, options, Setup.ALWAYS);
    }

    public static ShardedStore open(Config config, NodeId node, StoreOptions options, Setup setup) {
        return open(config, node, options, setup, options.connectTimeout());
    }

    /**
     * Like {@link #open(Config, NodeId, StoreOptions, Setup)}, with logins that wait at most
     * {@code loginTimeout} ({@code config place} gives up early). The setup stamp and the fdw
     * wiring keep the connect timeout of {@code options}: an open that waits less must not find
     * the setup changed and rewire every database with its own timeout.
     */
    public static ShardedStore open(Config config, NodeId node, StoreOptions options, Setup setup,
            java.time.Duration loginTimeout) {
        Map<ShardName, ShardPool> pools = createPools(config, node, options.withConnectTimeout(loginTimeout));
        try {
            // every open reads the primary first: its login overlaps with building the stamp and Jdbi
            pools.get(ShardName.PRIMARY).loginEarly();
            ShardedStore store = new ShardedStore(config, node, options, pools);
            if (setup == Setup.ALWAYS || !store.primaryCurrent()) {
                store.setUp();
            } else {
                store.checkShardsOnFirstUse();
            }
            return store;
        } catch (RuntimeException e) {
            pools.values().forEach(ShardPool::close);
            throw e;
        }
    }

    /**
     * Whether the primary's setup stamp is current. While the primary is down this says no, so
     * the setup reports every shard waiting for the primary, as it always did.
     */
    private boolean primaryCurrent() {
        try {
            return stamp.isCurrent(ShardName.PRIMARY);
        } catch (io.graphstore.store.pool.ShardUnavailableException e) {
            return false;
        }
    }

    /** Arms a stamp check on every other shard, run when a command first uses its pool. */
    private void checkShardsOnFirstUse() {
        pools.forEach((shard, pool) -> {
            if (!shard.isPrimary()) {
                pool.beforeFirstUse(() -> {
                    boolean current;
                    try {
                        current = stamp.isCurrent(shard);
                    } catch (io.graphstore.store.pool.ShardUnavailableException e) {
                        return; // the command's own use reports the shard; it is set up when it is back
                    }
                    if (!current) {
                        LOG.info("shard '{}' was set up from another config, release or wiring; setting up again", shard);
                        setUp();
                    }
                });
            }
        });
    }

    /**
     * The full setup under the migration lock: migrate, wire postgres_fdw, build the views;
     * when all of it succeeded everywhere, stamp every database so later opens skip it.
     */
    private synchronized void setUp() {
        pools.values().forEach(p -> p.beforeFirstUse(null));
        SchemaManager schemas = new SchemaManager(config, options, pools);
        schemas.withMigrationLock(() -> {
            MigrationReport migration = schemas.migrateShards();
            RemapReport wiring = new FdwWiring(config, pools, options.connectTimeout()).wire(migration.ready(),
                    FdwWiring.Scope.STARTUP);
            List<String> views = new DashboardViews(config, pools).build(migration.ready());
            migrationReport = migration;
            wiringReport = wiring;
            if (migration.allOk() && migration.ready().equals(pools.keySet()) && wiring.ok()
                    && views.stream().noneMatch(v -> v.contains(": failed: "))) {
                stamp.write(pools.keySet());
            } else {
                stamp.clear(migration.ready());
            }
            return null;
        }, down -> {
            migrationReport = schemas.notMigrated(down);
            wiringReport = RemapReport.empty();
            return null;
        });
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

    /**
     * What the last setup did to each shard; after an open that found every stamp current,
     * each used shard is {@code up-to-date} with its versions unknown (nothing was asked).
     */
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
            RemapReport report = new FdwWiring(config, pools, options.connectTimeout()).wire(up, scope);
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
