package io.graphstore.store.pool;

import com.zaxxer.hikari.HikariDataSource;
import io.graphstore.common.NodeId;
import io.graphstore.config.StoreConfig;
import io.graphstore.store.StoreOptions;
import java.util.Optional;

/**
 * Builds the pools of one shard for one node. Pools are lazy: creating one never connects,
 * so a shard that is down does not stop the others from opening.
 */
public final class PoolFactory {
    private PoolFactory() {
    }

    /** The pools of {@code store} for {@code node}, or empty when the node ignores the shard. */
    public static Optional<ShardPool> create(StoreConfig store, NodeId node, StoreOptions options) {
        int size = store.poolSize().sizeFor(node);
        if (size == 0) {
            return Optional.empty();
        }
        int fdwSize = Math.max(1, store.fdwPoolSize().sizeFor(node));
        LoginDataSource logins = logins(store, options);
        HikariDataSource main = dataSource(store.name().value(), size, options, logins);
        HikariDataSource fdw = dataSource(store.name().value() + "_fdw", fdwSize, options, logins(store, options));
        return Optional.of(new ShardPool(store.name(), store.connection(), main, logins, fdw, options));
    }

    /** Logins with the pools' settings: no read waits longer than the statement timeout (LongStatements lifts it per connection). */
    private static LoginDataSource logins(StoreConfig store, StoreOptions options) {
        return new LoginDataSource(store.connection(), options.connectTimeout(), ShardPool.readTimeout(options));
    }

    private static HikariDataSource dataSource(String poolName, int size, StoreOptions options, LoginDataSource logins) {
        // a data source configured by setters starts its pool at the first getConnection, so
        // creating it never connects
        HikariDataSource hc = new HikariDataSource();
        hc.setPoolName(poolName);
        hc.setDataSource(logins);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(0);
        hc.setConnectionTimeout(Math.max(250, options.connectTimeout().toMillis()));
        hc.setValidationTimeout(Math.max(250, Math.min(options.connectTimeout().toMillis(), 5000)));
        hc.setInitializationFailTimeout(-1);
        hc.setIdleTimeout(60_000);
        // directory SQL names its tables unqualified: in the primary they resolve here, and a
        // read from a shard's mirror sets search_path to the mirror schema for its transaction
        hc.setConnectionInitSql("set search_path to public, subgraphs");
        return hc;
    }
}
