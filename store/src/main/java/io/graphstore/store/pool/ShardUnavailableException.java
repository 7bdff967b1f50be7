package io.graphstore.store.pool;

import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A shard cannot be used now: it could not be reached within the connect timeout, did not
 * answer within the statement timeout, refused the login, or its circuit breaker is open after
 * such a failure. Callers that can go on without the shard (migration, mirror refresh,
 * dashboards, probes) catch this one; others let it surface. The message is one line: the
 * shard, its address (never the password), what happened, what it holds when known, and what
 * to do.
 */
public final class ShardUnavailableException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** What made the shard unavailable. */
    public enum Reason {
        UNREACHABLE, LOGIN_REFUSED, NO_ANSWER, BREAKER_OPEN
    }

    private final ShardName shard;
    private final Reason reason;
    private final String sqlState;
    private final String address;
    private final String problem;

    private ShardUnavailableException(ShardName shard, String address, Reason reason, String problem,
            SQLException cause, String context) {
        super(message(shard, address, reason, problem, context), cause);
        this.shard = shard;
        this.reason = reason;
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.address = address;
        this.problem = problem;
    }

    /** A failed connection or query: unreachable, no answer in time, or login refused. */
    public static ShardUnavailableException of(ShardName shard, String address, long connectTimeoutMs,
            long statementTimeoutMs, SQLException cause) {
        if (ShardBreaker.isAuthFailure(cause)) {
            return new ShardUnavailableException(shard, address, Reason.LOGIN_REFUSED, describe(cause), cause, "");
        }
        if (isReadTimeout(cause)) {
            return new ShardUnavailableException(shard, address, Reason.NO_ANSWER,
                    "no answer within the statement timeout of " + statementTimeoutMs + " ms", cause, "");
        }
        return new ShardUnavailableException(shard, address, Reason.UNREACHABLE,
                describe(cause) + "; connect timeout " + connectTimeoutMs + " ms", cause, "");
    }

    /** The breaker is open after {@code last}: nothing was tried now. */
    public static ShardUnavailableException breakerOpen(ShardName shard, String address,
            Optional<ShardBreaker.LastFailure> last, Duration retryIn, long connectTimeoutMs) {
        SQLException cause = last.map(ShardBreaker.LastFailure::cause).orElse(null);
        boolean login = cause != null && ShardBreaker.isAuthFailure(cause);
        String what = last.map(ShardBreaker.LastFailure::reason).orElse("it failed")
                + (login ? "" : "; connect timeout " + connectTimeoutMs + " ms");
        String when = last.map(f -> ago(f.at())).orElse("just now");
        return new ShardUnavailableException(shard, address, login ? Reason.LOGIN_REFUSED : Reason.BREAKER_OPEN,
                what + "; failed " + when + ", not tried again for "
                        + Math.max(1, (retryIn.toMillis() + 999) / 1000) + " s", cause, "");
    }

    /** The same failure, saying which deployments the shard holds. */
    public ShardUnavailableException holding(List<String> namespaces) {
        if (namespaces.isEmpty()) {
            return this;
        }
        String list = namespaces.size() <= 5 ? String.join(", ", namespaces)
                : String.join(", ", namespaces.subList(0, 5)) + " and " + (namespaces.size() - 5) + " more";
        return new ShardUnavailableException(shard, address, reason, problem, (SQLException) getCause(),
                "it holds " + namespaces.size() + " deployment" + (namespaces.size() == 1 ? "" : "s")
                        + " (" + list + ")");
    }

    /** The same failure with what else the caller knows appended. */
    public ShardUnavailableException with(String context) {
        return new ShardUnavailableException(shard, address, reason, problem, (SQLException) getCause(), context);
    }

    private static String message(ShardName shard, String address, Reason reason, String problem, String context) {
        String what = switch (reason) {
            case LOGIN_REFUSED -> "refused the login";
            case NO_ANSWER -> "does not answer";
            case UNREACHABLE, BREAKER_OPEN -> "is unreachable";
        };
        String remedy = reason == Reason.LOGIN_REFUSED
                ? "fix the user or password in [store." + shard + "] connection"
                : reason == Reason.NO_ANSWER
                        ? "check that the server is not stopped or overloaded"
                        : "check that the server is running and reachable";
        return "shard '" + shard + "' at " + address + " " + what + " (" + problem + ")"
                + (context.isEmpty() ? "" : "; " + context) + "; " + remedy
                + (shard.isPrimary() ? "; directory changes need the primary" : ", other shards keep working");
    }

    public ShardName shard() {
        return shard;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** The root cause's first line with its SQLSTATE, never a password. */
    static String describe(SQLException e) {
        if (e == null) {
            return "no connection";
        }
        String msg = firstLine(e);
        String state = e.getSQLState();
        return state == null || msg.contains(state) ? msg : msg + ", SQLSTATE " + state;
    }

    static boolean isReadTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException && !String.valueOf(t.getMessage()).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    private static String ago(java.time.Instant at) {
        long s = Math.max(0, Duration.between(at, java.time.Instant.now()).toSeconds());
        return s == 0 ? "just now" : s + " s ago";
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root != e && e.getMessage() != null && !(root instanceof java.io.IOException)) {
            msg = e.getMessage();
        }
        int nl = msg.indexOf('\n');
        return (nl < 0 ? msg : msg.substring(0, nl)).trim();
    }
}
