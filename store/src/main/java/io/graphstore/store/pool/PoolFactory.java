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
        HikariDataSource main = dataSource(store, store.name().value(), size, options);
        HikariDataSource fdw = dataSource(store, store.name().value() + "_fdw", fdwSize, options);
        return Optional.of(new ShardPool(store.name(), store.connection(), main, fdw, options));
    }

    private static HikariDataSource dataSource(StoreConfig store, String poolName, int size, StoreOptions options) {
        // a data source configured by setters starts its pool at the first getConnection, so
        // creating it never connects
        HikariDataSource hc = new HikariDataSource();
        hc.setPoolName(poolName);
        hc.setJdbcUrl(store.connection().jdbcUrl());
        hc.setUsername(store.connection().user());
        hc.setPassword(store.connection().password().reveal());
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(0);
        hc.setConnectionTimeout(Math.max(250, options.connectTimeout().toMillis()));
        hc.setValidationTimeout(Math.max(250, Math.min(options.connectTimeout().toMillis(), 5000)));
        hc.setInitializationFailTimeout(-1);
        hc.setIdleTimeout(60_000);
        // directory SQL names its tables unqualified: in the primary they resolve here, and a
        // read from a shard's mirror sets search_path to the mirror schema for its transaction
        hc.setConnectionInitSql("set search_path to public, subgraphs");
        long connectSeconds = Math.max(1, DirectConnection.seconds(options.connectTimeout()));
        hc.addDataSourceProperty("connectTimeout", String.valueOf(connectSeconds));
        hc.addDataSourceProperty("loginTimeout", String.valueOf(connectSeconds));
        hc.addDataSourceProperty("ApplicationName", "graph-store");
        hc.addDataSourceProperty("tcpKeepAlive", "true");
        // no read waits longer than the statement timeout (LongStatements lifts it per connection)
        hc.addDataSourceProperty("socketTimeout", String.valueOf(DirectConnection.seconds(ShardPool.readTimeout(options))));
        return hc;
    }
}
