package io.graphstore.store.pool;

import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A shard could not be reached within the connect timeout. Callers that can go on without
 * the shard (migration, mirror refresh, dashboards) catch this one; others let it surface.
 */
public final class ShardUnavailableException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final ShardName shard;
    private final String sqlState;

    public ShardUnavailableException(ShardName shard, String address, long timeoutMs, SQLException cause) {
        super("shard '" + shard + "' at " + address + " is unreachable after " + timeoutMs
                + " ms (" + firstLine(cause) + "); check that the server is running and reachable",
                cause);
        this.shard = shard;
        this.sqlState = cause.getSQLState();
    }

    public ShardName shard() {
        return shard;
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
