package io.graphstore.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.node.http.AdminToken;
import io.graphstore.node.http.HttpAddress;
import io.graphstore.node.http.NodeHttp;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.Freeze;
import io.graphstore.store.testing.OwnServers;
import io.graphstore.store.domain.Site;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A shard stopped (refuses) or frozen with SIGSTOP (accepts, never answers) shows down in
 * /shards and /metrics within seconds, its breaker opens, and both come back after it
 * recovers; with the primary stopped the node stays ready on the mirrors.
 */
@Tag("fault")
class NodeOutageTest {
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
    void aStoppedThenAFrozenShardShowDownEverywhereAndComeBack() {
        TestShards shards = servers.shards();
        ShardedStore store = shards.open(shards.config(NodeHttpTest.RULES),
                TestShards.testOptions().withConnectTimeout(Duration.ofSeconds(1)));
        LivePickupTest.deploy(store, "outage/one", 1);
        try (Node node = Node.start(store, NodeHttpTest.FAST);
                NodeHttp http = NodeHttp.start(node, new HttpAddress("127.0.0.1", 0), new AdminToken(Optional.empty()))) {
            NodeHttpClient client = new NodeHttpClient(http.port());
            servers.stop("shard_b");
            try {
                awaitShard(client, "shard_b", false, "open");
                String metrics = client.get("/metrics").body();
                assertThat(NodeHttpClient.metric(metrics, "graphstore_shard_up{shard=\"shard_b\"}")).contains(0.0);
                assertThat(NodeHttpClient.metric(metrics, "graphstore_shard_up{shard=\"shard_a\"}")).contains(1.0);
                assertThat(NodeHttpClient.metric(metrics, "graphstore_shard_requests_total{outcome=\"connection_error\","
                        + "shard=\"shard_b\"}").orElseThrow()).isPositive();
                JsonNode down = shard(client, "shard_b");
                assertThat(down.get("last_error").asText()).contains("shard 'shard_b'");
                assertThat(client.get("/ready").status()).as("other shards answer the directory").isEqualTo(200);
            } finally {
                servers.start("shard_b");
            }
            awaitShard(client, "shard_b", true, "closed");
            Await.until("shard_up back to 1", () -> NodeHttpClient.metric(client.get("/metrics").body(),
                    "graphstore_shard_up{shard=\"shard_b\"}").equals(Optional.of(1.0)));

            try (Freeze frozen = Freeze.of(servers.server("shard_b"))) {
                awaitShard(client, "shard_b", false, "open");
                assertThat(client.get("/health").status()).as("liveness never probes").isEqualTo(200);
            }
            awaitShard(client, "shard_b", true, "closed");

            servers.stop("primary");
            try {
                Await.until("the primary shows down", () -> !shard(client, "primary").get("reachable").asBoolean());
                var ready = client.get("/ready");
                assertThat(ready.status()).as(ready.body()).isEqualTo(200);
                assertThat(ready.json().get("directory_readable").asBoolean()).isTrue();
            } finally {
                servers.start("primary");
            }
            awaitShard(client, "primary", true, "closed");

            // the listener lost the primary and came back: a change reaches the node again (poll: 10 min)
            Await.until("the directory listener is back", () -> store.directory().cacheActive());
            Site dst = LivePickupTest.copy(store, "outage/one", io.graphstore.common.NodeId.DEFAULT);
            Await.until("the copy started from a notification", Duration.ofSeconds(30),
                    () -> !LivePickupTest.state(store, dst).equals("queued"));

            for (String shard : List.of("primary", "shard_a", "shard_b")) {
                servers.stop(shard);
            }
            try {
                Await.until("not ready with no directory anywhere", () -> client.get("/ready").status() == 503);
                assertThat(client.get("/ready").json().get("reason").asText()).contains("neither the primary nor");
                assertThat(client.get("/health").status()).isEqualTo(200);
            } finally {
                for (String shard : List.of("primary", "shard_a", "shard_b")) {
                    servers.start(shard);
                }
            }
            Await.until("ready again", () -> client.get("/ready").status() == 200);
        }
    }

    private static void awaitShard(NodeHttpClient client, String name, boolean reachable, String breaker) {
        Await.until(name + " reachable=" + reachable + " breaker=" + breaker, Duration.ofSeconds(60), () -> {
            JsonNode s = shard(client, name);
            return s.get("reachable").asBoolean() == reachable && s.get("breaker").asText().equals(breaker);
        });
    }

    private static JsonNode shard(NodeHttpClient client, String name) {
        for (JsonNode s : client.get("/shards").json().get("shards")) {
            if (s.get("shard").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no shard " + name);
    }
}
