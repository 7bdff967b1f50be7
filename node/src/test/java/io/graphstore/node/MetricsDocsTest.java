package io.graphstore.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/metrics.md lists every metric the node exposes, and the Grafana dashboard uses only metrics that exist. */
@MultiShard({"primary", "shard_a", "shard_b"})
class MetricsDocsTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern NAME = Pattern.compile("graphstore_[a-z0-9_]+");

    @Test
    void everyExposedMetricIsDocumentedAndEveryDashboardMetricIsExposed(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(NodeHttpTest.RULES));
        LivePickupTest.deploy(store, "docs/one", 1);
        try (Node node = Node.start(shards.open(shards.config(NodeHttpTest.RULES)), NodeHttpTest.FAST)) {
            new CopyAdmin(store).create("docs/one", ShardName.of("shard_b"), NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE,
                    Transport.COPY);
            // the copy gauges come from a status round that saw the copy, which may come after the run ended
            Await.until("copy and head metrics", () -> node.prometheus().contains("graphstore_copy_runs_total")
                    && node.prometheus().contains("graphstore_copy_progress_ratio{")
                    && node.prometheus().contains("graphstore_deployment_head_block{")
                    && node.prometheus().contains("graphstore_mirror_age_seconds{"));
            Set<String> exposed = names(node.prometheus().lines().filter(l -> !l.startsWith("#"))
                    .map(l -> l.split("[{ ]")[0]).reduce("", (a, b) -> a + " " + b));
            Set<String> documented = names(Files.readString(DOCS.resolve("metrics.md")));
            // a summary's _count, _sum and _max come with the documented summary
            Set<String> undocumented = new TreeSet<>();
            exposed.stream().filter(n -> !documented.contains(n)
                    && !documented.contains(n.replaceAll("_(count|sum|max)$", ""))).forEach(undocumented::add);
            assertThat(undocumented).as("metrics missing from docs/metrics.md").isEmpty();

            JsonNode grafana = new ObjectMapper().readTree(DOCS.resolve("grafana-dashboard.json").toFile());
            Set<String> used = new TreeSet<>();
            grafana.get("panels").forEach(p -> p.get("targets").forEach(t -> {
                if (t.has("expr")) {
                    used.addAll(names(t.get("expr").asText()));
                }
            }));
            assertThat(used).isNotEmpty();
            assertThat(exposed).as("metrics the dashboard uses").containsAll(used);
        }
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
