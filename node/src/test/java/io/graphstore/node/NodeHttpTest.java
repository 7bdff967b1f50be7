package io.graphstore.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.Secret;
import io.graphstore.common.ShardName;
import io.graphstore.node.http.AdminToken;
import io.graphstore.node.http.HttpAddress;
import io.graphstore.node.http.NodeHttp;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.Site;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The node's HTTP surface on real shards: every endpoint, metric values that move, the admin token. */
@MultiShard({"primary", "shard_a", "shard_b"})
class NodeHttpTest {
    static final String RULES = "[deployment]\n[[deployment.rule]]\nshard = \"shard_a\"\nindexers = [\"default\"]\n";
    static final NodeSettings FAST = new NodeSettings(Duration.ofMinutes(10), Duration.ofSeconds(1),
            Duration.ofMillis(300), Duration.ofMinutes(10), true);
    private static final HttpAddress ANY_PORT = new HttpAddress("127.0.0.1", 0);

    @Test
    void everyEndpointAnswersFromTheNodesStatusAndMetricsFollowACopy(TestShards shards) {
        ShardedStore store = shards.open(shards.config(RULES));
        Site src = Samples.deployToken(store, "http/one", 1).site();
        new SyntheticIndexer(store.deployments().data(src), 1, 20).run(50, b -> { });
        ShardedStore nodeStore = shards.open(shards.config(RULES));
        try (Node node = Node.start(nodeStore, FAST);
                NodeHttp http = NodeHttp.start(node, ANY_PORT, new AdminToken(Optional.empty()))) {
            NodeHttpClient client = new NodeHttpClient(http.port());

            JsonNode health = client.get("/health").json();
            assertThat(health.get("node").asText()).isEqualTo("default");
            assertThat(health.get("shards").asInt()).isEqualTo(3);
            assertThat(health.get("state").asText()).isEqualTo("running");
            assertThat(client.get("/ready").status()).isEqualTo(200);

            JsonNode topology = client.get("/shards").json().get("shards");
            List<String> names = new ArrayList<>();
            topology.forEach(s -> {
                names.add(s.get("shard").asText());
                assertThat(s.get("reachable").asBoolean()).as(s.toString()).isTrue();
                assertThat(s.get("breaker").asText()).isEqualTo("closed");
                assertThat(s.get("server_version").asText()).startsWith("15.");
                assertThat(s.get("pool").get("max").asInt()).isPositive();
            });
            assertThat(names).containsExactly("primary", "shard_a", "shard_b");
            assertThat(topology.get(1).get("deployments").asLong()).isEqualTo(1);

            String before = client.get("/metrics").body();
            assertThat(NodeHttpClient.metric(before, "graphstore_shard_up{shard=\"shard_a\"}")).contains(1.0);
            assertThat(NodeHttpClient.metric(before, "graphstore_shard_breaker_state{shard=\"shard_a\",state=\"closed\"}"))
                    .contains(1.0);
            assertThat(NodeHttpClient.metric(before, "graphstore_node_draining")).contains(0.0);
            assertThat(before).contains("graphstore_pool_connections{pool=\"main\",shard=\"primary\",state=\"idle\"}")
                    .contains("graphstore_mirror_refresh_failures_total{shard=\"shard_b\"}");
            int head = store.deployments().data(src).head().number().orElseThrow();
            Await.until("the head block metric", () -> NodeHttpClient.metric(client.get("/metrics").body(),
                    "graphstore_deployment_head_block{deployment=\"" + src.hash() + "\",namespace=\"" + src.namespace()
                            + "\",network=\"mainnet\",shard=\"shard_a\"}").equals(Optional.of((double) head)));
            double okBefore = NodeHttpClient.metric(before, "graphstore_shard_requests_total{outcome=\"ok\",shard=\"shard_b\"}")
                    .orElseThrow();

            Site dst = new CopyAdmin(store).create("http/one", ShardName.of("shard_b"), NodeId.DEFAULT, 0,
                    CopyAdmin.OnSync.NONE, Transport.COPY);
            Await.until("the copy finished in /copies", () -> {
                JsonNode copies = client.get("/copies").json().get("copies");
                return copies.size() == 1 && copies.get(0).get("finished_at").isTextual();
            });
            JsonNode copy = client.get("/copies").json().get("copies").get(0);
            assertThat(copy.get("dst").asText()).isEqualTo(dst.namespace().value());
            assertThat(copy.get("rows_done").asLong()).isEqualTo(copy.get("rows_total").asLong()).isPositive();
            String sample = "{copy=\"" + dst.namespace() + "\",deployment=\"" + src.hash()
                    + "\",dst_shard=\"shard_b\",src_shard=\"shard_a\"}";
            Await.until("copy metrics at 100%", () -> NodeHttpClient.metric(client.get("/metrics").body(),
                    "graphstore_copy_progress_ratio" + sample).equals(Optional.of(1.0)));
            String after = client.get("/metrics").body();
            assertThat(NodeHttpClient.metric(after, "graphstore_copy_rows_copied" + sample))
                    .contains(copy.get("rows_done").asDouble());
            assertThat(NodeHttpClient.metric(after, "graphstore_copy_runs_total{outcome=\"finished\"}")).contains(1.0);
            assertThat(NodeHttpClient.metric(after, "graphstore_shard_requests_total{outcome=\"ok\",shard=\"shard_b\"}")
                    .orElseThrow()).isGreaterThan(okBefore);
            assertThat(NodeHttpClient.metric(after, "graphstore_node_pickup_lag_seconds_count").orElseThrow())
                    .as("the copy was picked up from a notification").isPositive();
        }
    }

    @Test
    void adminEndpointsNeedTheConfiguredBearerTokenAndDrainAndResumeTheNode(TestShards shards) {
        ShardedStore store = shards.open(shards.config(RULES));
        String token = "t0ken-" + System.nanoTime();
        try (Node node = Node.start(store, FAST)) {
            try (NodeHttp off = NodeHttp.start(node, ANY_PORT, new AdminToken(Optional.empty()))) {
                NodeHttpClient client = new NodeHttpClient(off.port());
                var refused = client.post("/admin/drain", Optional.of(token));
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.body()).contains(AdminToken.ENV);
                assertThat(node.state()).isEqualTo(Node.State.RUNNING);
            }
            try (NodeHttp http = NodeHttp.start(node, ANY_PORT, new AdminToken(Optional.of(new Secret(token))))) {
                NodeHttpClient client = new NodeHttpClient(http.port());
                assertThat(client.post("/admin/drain", Optional.empty()).status()).isEqualTo(401);
                var wrong = client.post("/admin/drain", Optional.of(token + "x"));
                assertThat(wrong.status()).isEqualTo(401);
                assertThat(wrong.body()).doesNotContain(token);
                assertThat(client.get("/admin/drain", Optional.of("nope")).status()).isEqualTo(401);
                assertThat(node.state()).isEqualTo(Node.State.RUNNING);

                assertThat(client.post("/admin/drain", Optional.of(token)).status()).isEqualTo(202);
                Await.until("drained", () -> client.get("/admin/drain", Optional.of(token)).json().get("state").asText()
                        .equals("drained"));
                var ready = client.get("/ready");
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().get("reason").asText()).contains("drained");
                assertThat(NodeHttpClient.metric(client.get("/metrics").body(), "graphstore_node_draining")).contains(1.0);

                var resumed = client.post("/admin/resume", Optional.of(token));
                assertThat(resumed.status()).isEqualTo(200);
                assertThat(resumed.json().get("state").asText()).isEqualTo("running");
                assertThat(client.get("/ready").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aBadHttpAddressIsBadInputNamingTheValue() {
        assertThat(HttpAddress.parse("off")).isEmpty();
        assertThat(HttpAddress.parse("0.0.0.0:9000")).contains(new HttpAddress("0.0.0.0", 9000));
        assertThatThrownBy(() -> HttpAddress.parse("8040")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'8040' is not host:port or off");
        assertThatThrownBy(() -> HttpAddress.parse("127.0.0.1:99999")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> HttpAddress.parse("127.0.0.1:http")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no port number");
    }
}
