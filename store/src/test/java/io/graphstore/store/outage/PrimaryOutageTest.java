package io.graphstore.store.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.AssignmentAdmin;
import io.graphstore.store.admin.DeploymentInfo;
import io.graphstore.store.admin.InfoAdmin;
import io.graphstore.store.admin.SyntheticChain;
import io.graphstore.store.domain.Site;
import io.graphstore.store.mirror.ShardMirror;
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

/** The primary on its own server process, stopped while the shards keep running. */
@Tag("fault")
class PrimaryOutageTest {
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
    void readsAnswerFromTheMirrorsWritesFailClearlyAndIndexingGoesOn() {
        TestShards shards = servers.shards();
        String rules = "[deployment]\n[[deployment.rule]]\nshards = [\"shard_a\", \"shard_b\"]\nindexers = [\"default\"]\n";
        ShardedStore store = shards.open(shards.config(rules));
        Site site = Samples.deployToken(store, "org/outage", 1).site();
        assertThat(site.shard()).isNotEqualTo(ShardName.PRIMARY);
        List<ShardMirror> refreshed = store.mirror().refresh();
        assertThat(refreshed).hasSize(2).allMatch(ShardMirror::ok);
        var data = store.deployments().data(site);

        servers.stop("primary");
        try {
            assertThat(store.directory().resolveOne("org/outage")).isEqualTo(site);
            assertThat(store.directory().lastMirror()).hasValueSatisfying(m -> {
                assertThat(m.shard()).isIn(ShardName.of("shard_a"), ShardName.of("shard_b"));
                assertThat(m.age()).isLessThan(java.time.Duration.ofMinutes(5));
            });
            assertThat(store.directory().resolveOne(site.hash().value())).isEqualTo(site);
            List<DeploymentInfo> info = new InfoAdmin(store).info(Optional.of("org/outage"));
            assertThat(info).singleElement().satisfies(i -> {
                assertThat(i.node()).contains("default");
                assertThat(i.names()).extracting(n -> n.name()).containsExactly("org/outage");
                assertThat(i.head()).isPresent();
            });

            assertThatThrownBy(() -> new AssignmentAdmin(store).reassign("org/outage", NodeId.of("index_node_1")))
                    .isInstanceOf(ShardUnavailableException.class)
                    .hasMessageStartingWith("shard 'primary' at 127.0.0.1:")
                    .hasMessageContaining("directory changes need the primary")
                    .hasMessageNotContaining(io.graphstore.store.testing.TestServer.PASSWORD.reveal());

            var head = data.transact(SyntheticChain.block(1), List.of(
                    EntityChange.set("Account", "0x01", Map.of("balance", BigInteger.ONE))));
            assertThat(head.entityCount()).isEqualTo(1);
        } finally {
            servers.start("primary");
        }
        // the primary's breaker lets a probe through a moment after the last failure
        io.graphstore.store.testing.Await.until("the primary is reachable again", () -> store.primary().isReachable());
        new AssignmentAdmin(store).reassign("org/outage", NodeId.of("index_node_1"));
        assertThat(store.directory().assignment(site.id()).orElseThrow().nodeId()).isEqualTo("index_node_1");
        assertThat(store.directory().lastMirror()).isEmpty();
    }
}
