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
    private final String address;
    private final long timeoutMs;

    public ShardUnavailableException(ShardName shard, String address, long timeoutMs, SQLException cause) {
        this(shard, address, timeoutMs, cause, "");
    }

    /** With {@code context}: what else the caller knows, such as the deployments the shard holds. */
    public ShardUnavailableException(ShardName shard, String address, long timeoutMs, SQLException cause,
            String context) {
        super("shard '" + shard + "' at " + address + " is unreachable (" + firstLine(cause)
                + "; connect timeout " + timeoutMs + " ms)" + (context.isEmpty() ? "" : "; " + context)
                + "; check that the server is running and reachable" + (shard.isPrimary()
                        ? "; directory changes need the primary" : ", other shards keep working"),
                cause);
        this.shard = shard;
        this.sqlState = cause.getSQLState();
        this.address = address;
        this.timeoutMs = timeoutMs;
    }

    /** The same failure, saying which deployments the shard holds. */
    public ShardUnavailableException holding(java.util.List<String> namespaces) {
        if (namespaces.isEmpty()) {
            return this;
        }
        String list = namespaces.size() <= 5 ? String.join(", ", namespaces)
                : String.join(", ", namespaces.subList(0, 5)) + " and " + (namespaces.size() - 5) + " more";
        return new ShardUnavailableException(shard, address, timeoutMs, (SQLException) getCause(),
                "it holds " + namespaces.size() + " deployment" + (namespaces.size() == 1 ? "" : "s")
                        + " (" + list + ")");
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
