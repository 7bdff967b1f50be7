package io.graphstore.store.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.OwnServers;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A shard's breaker against a real server that is stopped and started again. */
@Tag("fault")
class ShardBreakerTest {
    private static OwnServers servers;

    @BeforeAll
    static void start() {
        servers = new OwnServers(List.of("primary", "shard_a"));
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void oneFailedConnectOpensTheBreakerLaterCallsFailAtOnceAndAProbeClosesIt() {
        StoreOptions options = TestShards.testOptions().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(3));
        ShardedStore store = servers.shards().open(servers.shards().config(), options);
        ShardPool shardA = store.require(ShardName.of("shard_a"));
        assertThat(shardA.isReachable()).isTrue();

        servers.stop("shard_a");
        try {
            // a pooled connection the server closed within Hikari's 500 ms alive-bypass window
            // would be handed out once more; drop them so the next call really connects
            shardA.hikari().getHikariPoolMXBean().softEvictConnections();
            assertThatThrownBy(shardA::connect).isInstanceOf(ShardUnavailableException.class)
                    .satisfies(e -> assertThat(((ShardUnavailableException) e).reason())
                            .isEqualTo(ShardUnavailableException.Reason.UNREACHABLE));
            assertThat(shardA.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);

            long start = System.nanoTime();
            assertThatThrownBy(shardA::connect).isInstanceOf(ShardUnavailableException.class)
                    .hasMessageStartingWith("shard 'shard_a' at 127.0.0.1:")
                    .hasMessageContaining("is unreachable (")
                    .hasMessageContaining("not tried again for")
                    .hasMessageContaining("other shards keep working")
                    .satisfies(e -> assertThat(((ShardUnavailableException) e).reason())
                            .isEqualTo(ShardUnavailableException.Reason.BREAKER_OPEN));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(store.primary().isReachable()).as("the primary's breaker is its own").isTrue();
        } finally {
            servers.start("shard_a");
        }
        Await.until("a half-open probe closes the breaker", shardA::isReachable);
        assertThat(shardA.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
