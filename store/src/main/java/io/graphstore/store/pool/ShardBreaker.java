package io.graphstore.store.pool;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.graphstore.common.ShardName;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The circuit breaker of one shard (resilience4j). One failed connection opens it: every call
 * after that fails at once, without touching the network, until {@code wait} has passed; then
 * one call may probe the shard (half-open) and its success closes the breaker again. So a
 * command tries a down shard once, and a node retries it once per {@code wait}.
 *
 * <p>Failures are connection failures and refused logins (see {@link #isFailure}); a query
 * that fails for any other reason says nothing about the shard's health.
 */
public final class ShardBreaker {
    /** What the breaker knows about the last failure, for messages. */
    public record LastFailure(Instant at, String reason, SQLException cause) {
    }

    private final ShardName shard;
    private final Duration wait;
    private final CircuitBreaker breaker;
    private final AtomicReference<LastFailure> last = new AtomicReference<>();

    public ShardBreaker(ShardName shard, Duration wait) {
        this.shard = shard;
        this.wait = wait;
        this.breaker = CircuitBreaker.of("shard_" + shard.value(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(wait)
                .recordException(ShardBreaker::isFailure)
                .build());
    }

    public ShardName shard() {
        return shard;
    }

    /** CLOSED, OPEN or HALF_OPEN (resilience4j's names). */
    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    public boolean isOpen() {
        CircuitBreaker.State s = breaker.getState();
        return s == CircuitBreaker.State.OPEN || s == CircuitBreaker.State.FORCED_OPEN;
    }

    public Optional<LastFailure> lastFailure() {
        return Optional.ofNullable(last.get());
    }

    /** How long until the open breaker lets a probe through (zero when it is not open). */
    public Duration retryIn() {
        LastFailure f = last.get();
        if (!isOpen() || f == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), f.at().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Runs {@code call} through the breaker. Throws {@link CallNotPermittedException} while
     * the breaker is open; a failure of the call is recorded and rethrown.
     */
    public <T> T call(SqlCall<T> call) throws SQLException {
        if (!breaker.tryAcquirePermission()) {
            throw CallNotPermittedException.createCallNotPermittedException(breaker);
        }
        long start = System.nanoTime();
        try {
            T result = call.run();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (SQLException | RuntimeException e) {
            record(e, start);
            throw e;
        }
    }

    /**
     * Records a failure seen outside {@link #call}: a query that got no answer within the read
     * timeout (a hung server). Other broken connections are not counted here: a pooled
     * connection the server closed while restarting fails once, and the next connection attempt
     * says whether the server is really down.
     */
    public void failed(Throwable e) {
        if (ShardUnavailableException.isReadTimeout(e)) {
            record(e, System.nanoTime());
        }
    }

    private void record(Throwable e, long start) {
        if (isFailure(e)) {
            SQLException sql = firstSql(e);
            last.set(new LastFailure(Instant.now(), ShardUnavailableException.describe(sql), sql));
        }
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
    }

    /** A connection failure (08xxx, 57P0x, timeouts, refused) or a refused login (28xxx). */
    public static boolean isFailure(Throwable e) {
        return ShardPool.isConnectionFailure(e) || isAuthFailure(e);
    }

    /** Whether {@code e} (or a cause) is PostgreSQL refusing the login: SQLSTATE 28xxx. */
    public static boolean isAuthFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }

    static SQLException firstSql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return new SQLException(String.valueOf(e.getMessage()), "08000", e);
    }

    /** A JDBC call that may throw SQLException. */
    @FunctionalInterface
    public interface SqlCall<T> {
        T run() throws SQLException;
    }
}
