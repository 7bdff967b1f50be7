package io.graphstore.store.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeploymentInfo;
import io.graphstore.store.admin.InfoAdmin;
import io.graphstore.store.admin.SyntheticChain;
import io.graphstore.store.domain.Site;
import io.graphstore.store.pool.ShardUnavailableException;
import io.graphstore.store.shard.EntityChange;
import io.graphstore.store.testing.OwnServers;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One shard on its own server process, stopped while the primary and the other shard run. */
@Tag("fault")
class ShardOutageTest {
    private static OwnServers servers;

    @BeforeAll
    static void start() {
        servers = new OwnServers(List.of("primary", "shard_a", "shard_b"));
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void operationsOnTheDownShardNameItAndItsDeploymentsOthersWork() {
        TestShards shards = servers.shards();
        String rules = """
                [deployment]
                [[deployment.rule]]
                match = { name = "a/.*" }
                shard = "shard_a"
                indexers = ["default"]
                [[deployment.rule]]
                shard = "shard_b"
                indexers = ["default"]
                """;
        ShardedStore store = shards.open(shards.config(rules));
        Site onA = Samples.deployToken(store, "a/one", 1).site();
        Site onB = Samples.deployToken(store, "b/one", 2).site();
        var dataA = store.deployments().data(onA);
        var dataB = store.deployments().data(onB);

        servers.stop("shard_a");
        try {
            assertThatThrownBy(() -> dataA.transact(SyntheticChain.block(1), List.of()))
                    .isInstanceOf(ShardUnavailableException.class)
                    .hasMessageStartingWith("shard 'shard_a' at 127.0.0.1:")
                    .hasMessageContaining("it holds 1 deployment (" + onA.namespace() + ")")
                    .hasMessageContaining("other shards keep working")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            var head = dataB.transact(SyntheticChain.block(1), List.of(
                    EntityChange.set("Account", "0x01", Map.of("balance", BigInteger.TEN))));
            assertThat(head.entityCount()).isEqualTo(1);

            List<DeploymentInfo> info = new InfoAdmin(store).info(Optional.empty());
            assertThat(info).filteredOn(i -> i.site().equals(onA)).singleElement()
                    .satisfies(i -> assertThat(i.shardProblem().orElseThrow()).contains("shard 'shard_a'"));
            assertThat(info).filteredOn(i -> i.site().equals(onB)).singleElement()
                    .satisfies(i -> assertThat(i.head().orElseThrow().entityCount()).isEqualTo(1));
        } finally {
            servers.start("shard_a");
        }
        io.graphstore.store.testing.Await.until("shard_a is reachable again",
                () -> store.require(ShardName.of("shard_a")).isReachable());
        assertThat(dataA.transact(SyntheticChain.block(1), List.of()).number()).contains(1);
        assertThat(store.require(ShardName.of("shard_a")).isReachable()).isTrue();
    }
}
