package io.graphstore.store.schema;

import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import io.graphstore.config.Config;
import io.graphstore.config.StoreConfig;
import io.graphstore.migrations.MigrationSets;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.pool.ShardUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every reachable shard to the latest schema. Touches every database of the config:
 * the {@code shard} set everywhere, the {@code primary} set in the primary. Nothing is ever
 * migrated without the migration advisory lock in the primary: a slow primary is waited for
 * (connect timeout, then the lock timeout), and while the primary cannot be reached no shard
 * is migrated (reads still work; the next open migrates). Connections go through each shard's
 * circuit breaker, so a down shard costs one failed attempt per process.
 */
public final class SchemaManager {
    /** Advisory lock key for schema management: the bytes of "graph" as a number. */
    public static final long MIGRATION_LOCK_KEY = 0x6772617068L;
    private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

    private final Config config;
    private final StoreOptions options;
    private final Map<ShardName, ShardPool> pools;

    /** @param pools this node's pools; shards without one are reported as ignored */
    public SchemaManager(Config config, StoreOptions options, Map<ShardName, ShardPool> pools) {
        this.config = config;
        this.options = options;
        this.pools = pools;
    }

    /**
     * Runs {@code work} holding the migration advisory lock in the primary. When the primary
     * cannot be reached, {@code primaryDown} decides instead (work never runs without the lock).
     */
    public <T> T withMigrationLock(Supplier<T> work, Function<ShardUnavailableException, T> primaryDown) {
        Connection lock;
        try {
            lock = lockPrimary();
        } catch (ShardUnavailableException e) {
            return primaryDown.apply(e);
        }
        try {
            return work.get();
        } finally {
            try {
                unlock(lock);
            } catch (SQLException e) {
                LOG.warn("releasing the migration lock in the primary failed: {}", e.getMessage());
            } finally {
                closeQuietly(lock);
            }
        }
    }

    /** The report of an open while the primary is down: nothing migrated, each shard says why. */
    public MigrationReport notMigrated(ShardUnavailableException primaryDown) {
        LOG.warn("{}; no shard is migrated now (migrations need the lock in the primary); reads still work",
                primaryDown.getMessage());
        List<ShardMigration> results = new ArrayList<>();
        for (ShardName shard : config.shardNames()) {
            results.add(pools.containsKey(shard)
                    ? ShardMigration.skipped(shard, ShardMigration.Status.WAITING_FOR_PRIMARY, shard.isPrimary()
                            ? "not migrated: " + oneLine(primaryDown)
                            : "not migrated: the primary is unreachable and migrations need its lock")
                    : ShardMigration.skipped(shard, ShardMigration.Status.IGNORED, "pool_size is 0 for this node"));
        }
        return new MigrationReport(results);
    }

    /** The report of an open that skipped setup: every used shard up to date, versions not asked. */
    public static MigrationReport setUpEarlier(Config config, Map<ShardName, ShardPool> pools) {
        List<ShardMigration> results = new ArrayList<>();
        for (ShardName shard : config.shardNames()) {
            results.add(pools.containsKey(shard)
                    ? new ShardMigration(shard, ShardMigration.Status.UP_TO_DATE, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), 0, Optional.empty())
                    : ShardMigration.skipped(shard, ShardMigration.Status.IGNORED, "pool_size is 0 for this node"));
        }
        return new MigrationReport(results);
    }

    /** Migrates without taking the lock; callers hold it through {@link #withMigrationLock}. */
    public MigrationReport migrateShards() {
        List<ShardMigration> results = new ArrayList<>();
        for (ShardName shard : config.shardNames()) {
            if (!pools.containsKey(shard)) {
                results.add(ShardMigration.skipped(shard, ShardMigration.Status.IGNORED,
                        "pool_size is 0 for this node"));
                continue;
            }
            results.add(migrateShard(config.store(shard).orElseThrow()));
        }
        return new MigrationReport(results);
    }

    private ShardMigration migrateShard(StoreConfig store) {
        ShardName shard = store.name();
        try (Connection probe = pools.get(shard).connect()) {
            probe.isValid(1);
        } catch (ShardUnavailableException | SQLException e) {
            String why = oneLine(e);
            LOG.warn("{}; its schema is not migrated now, the next open migrates it", why);
            return ShardMigration.skipped(shard, ShardMigration.Status.UNREACHABLE, why);
        }
        try {
            FlywayRun shardRun = run(shard, MigrationSets.SHARD);
            Optional<String> primaryBefore = Optional.empty();
            Optional<String> primaryAfter = Optional.empty();
            int applied = shardRun.applied();
            if (shard.isPrimary()) {
                FlywayRun primaryRun = run(shard, MigrationSets.PRIMARY);
                primaryBefore = primaryRun.before();
                primaryAfter = primaryRun.after();
                applied += primaryRun.applied();
            }
            ShardMigration.Status status = applied > 0
                    ? ShardMigration.Status.MIGRATED : ShardMigration.Status.UP_TO_DATE;
            return new ShardMigration(shard, status, shardRun.before(), shardRun.after(),
                    primaryBefore, primaryAfter, applied, Optional.empty());
        } catch (RuntimeException e) {
            String why = oneLine(e);
            LOG.error("migrating shard '{}' failed: {}", shard, why);
            return ShardMigration.skipped(shard, ShardMigration.Status.FAILED, why);
        }
    }

    private record FlywayRun(Optional<String> before, Optional<String> after, int applied) {
    }

    private FlywayRun run(ShardName shard, MigrationSets set) {
        Flyway flyway = Flyway.configure(SchemaManager.class.getClassLoader())
                .dataSource(pools.get(shard).dataSource())
                .locations(set.location())
                .table(set.historyTable())
                .defaultSchema("public")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .connectRetries(0)
                .load();
        Optional<String> before = version(flyway.info().current());
        int applied = io.graphstore.store.pool.LongStatements.allow(() -> flyway.migrate().migrationsExecuted);
        Optional<String> after = version(flyway.info().current());
        return new FlywayRun(before, after, applied);
    }

    private static Optional<String> version(MigrationInfo info) {
        if (info == null || info.getVersion() == null || "0".equals(info.getVersion().getVersion())) {
            return Optional.empty();
        }
        return Optional.of(info.getVersion().getVersion());
    }

    /**
     * Takes the migration lock in the primary on a connection of its own, waiting up to the
     * lock timeout for another process's migration (a hung primary cannot hold it longer: the
     * socket read timeout is the lock timeout plus the connect timeout).
     */
    private Connection lockPrimary() {
        ShardPool primary = pools.get(ShardName.PRIMARY);
        Connection c = primary.openDirect(options.migrationLockTimeout().plus(options.connectTimeout()),
                "graph-store migrate");
        try (Statement s = c.createStatement()) {
            s.execute("set lock_timeout = " + options.migrationLockTimeout().toMillis());
            s.execute("select pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
            s.execute("set lock_timeout = 0");
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("could not take the migration lock in the primary within "
                    + options.migrationLockTimeout().toMillis() + " ms (" + oneLine(e)
                    + "); another process may be migrating, try again when it is done", e);
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_unlock(" + MIGRATION_LOCK_KEY + ")");
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is being discarded after a failure already reported
        }
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
