package io.graphstore.store.schema;

import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import io.graphstore.config.Config;
import io.graphstore.config.ConnectionInfo;
import io.graphstore.config.StoreConfig;
import io.graphstore.migrations.MigrationSets;
import io.graphstore.store.StoreOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every reachable shard to the latest schema. Touches every database of the config:
 * the {@code shard} set everywhere, the {@code primary} set in the primary. Holds the
 * migration advisory lock in the primary for the whole run; when the primary itself is down
 * the other shards are still migrated (Flyway locks each history table on its own).
 */
public final class SchemaManager {
    /** Advisory lock key for schema management: the bytes of "graph" as a number. */
    public static final long MIGRATION_LOCK_KEY = 0x6772617068L;
    private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

    private final Config config;
    private final StoreOptions options;

    public SchemaManager(Config config, StoreOptions options) {
        this.config = config;
        this.options = options;
    }

    /** Migrates the shards in {@code managed} under the migration lock; the others are reported as ignored. */
    public MigrationReport migrate(Set<ShardName> managed) {
        return withMigrationLock(() -> migrateShards(managed));
    }

    /**
     * Runs {@code work} holding the migration advisory lock in the primary (or without it when
     * the primary is unreachable, with a warning).
     */
    public <T> T withMigrationLock(java.util.function.Supplier<T> work) {
        Connection lock = lockPrimary();
        try {
            return work.get();
        } finally {
            if (lock != null) {
                try {
                    unlock(lock);
                } catch (SQLException e) {
                    LOG.warn("releasing the migration lock in the primary failed: {}", e.getMessage());
                } finally {
                    closeQuietly(lock);
                }
            }
        }
    }

    /** Migrates without taking the lock; callers hold it through {@link #withMigrationLock}. */
    public MigrationReport migrateShards(Set<ShardName> managed) {
        List<ShardMigration> results = new ArrayList<>();
        for (ShardName shard : config.shardNames()) {
            if (!managed.contains(shard)) {
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
        try (Connection probe = open(store.connection())) {
            probe.isValid(1);
        } catch (SQLException e) {
            String why = oneLine(e);
            LOG.warn("shard '{}' at {} is unreachable, its schema is not migrated now ({}); "
                    + "it will be migrated on the next start", shard, address(store.connection()), why);
            return ShardMigration.skipped(shard, ShardMigration.Status.UNREACHABLE, why);
        }
        try {
            FlywayRun shardRun = run(store.connection(), MigrationSets.SHARD);
            Optional<String> primaryBefore = Optional.empty();
            Optional<String> primaryAfter = Optional.empty();
            int applied = shardRun.applied();
            if (shard.isPrimary()) {
                FlywayRun primaryRun = run(store.connection(), MigrationSets.PRIMARY);
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

    private FlywayRun run(ConnectionInfo conn, MigrationSets set) {
        Flyway flyway = Flyway.configure(SchemaManager.class.getClassLoader())
                .dataSource(conn.jdbcUrl(), conn.user(), conn.password().reveal())
                .locations(set.location())
                .table(set.historyTable())
                .defaultSchema("public")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .connectRetries(0)
                .load();
        Optional<String> before = version(flyway.info().current());
        int applied = flyway.migrate().migrationsExecuted;
        Optional<String> after = version(flyway.info().current());
        return new FlywayRun(before, after, applied);
    }

    private static Optional<String> version(MigrationInfo info) {
        if (info == null || info.getVersion() == null || "0".equals(info.getVersion().getVersion())) {
            return Optional.empty();
        }
        return Optional.of(info.getVersion().getVersion());
    }

    /** Takes the migration lock in the primary; null when the primary is unreachable. */
    private Connection lockPrimary() {
        StoreConfig primary = config.primary();
        Connection c;
        try {
            c = open(primary.connection());
        } catch (SQLException e) {
            LOG.warn("primary at {} is unreachable ({}); migrating the other shards without the "
                    + "startup lock", address(primary.connection()), oneLine(e));
            return null;
        }
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

    private Connection open(ConnectionInfo conn) throws SQLException {
        return io.graphstore.store.pool.DirectConnection.open(conn, options.connectTimeout(), "graph-store migrate");
    }

    private static String address(ConnectionInfo conn) {
        return conn.host() + ":" + conn.port() + "/" + conn.database();
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
