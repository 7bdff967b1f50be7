package io.graphstore.store.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every query in docs/dashboards.md, and every panel of the Grafana dashboard, runs in every database. */
@MultiShard({"primary", "shard_a", "shard_b"})
class DashboardDocsTest {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void everyDocumentedQueryRunsUnchangedAgainstEveryShard(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(DashboardViewsTest.RULES));
        for (int i = 1; i <= 3; i++) {
            var site = Samples.deployToken(store, "docs/d" + i, i).site();
            new SyntheticIndexer(store.deployments().data(site), i, 5).run(10, b -> { });
        }
        List<String> queries = sqlBlocks(Files.readString(DOCS.resolve("dashboards.md")));
        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
        JsonNode grafana = new ObjectMapper().readTree(DOCS.resolve("grafana-dashboard.json").toFile());
        List<String> panels = new ArrayList<>();
        // the PostgreSQL panels; the node-metrics panels (Prometheus) are checked by the node's tests
        grafana.get("panels").forEach(p -> {
            if (p.get("datasource").get("type").asText().equals("grafana-postgresql-datasource")) {
                panels.add(p.get("targets").get(0).get("rawSql").asText());
            }
        });
        assertThat(panels).hasSameSizeAs(queries);

        for (ShardName db : shards.shards()) {
            try (Connection c = shards.connect(db); Statement s = c.createStatement()) {
                for (String sql : queries) {
                    try (ResultSet rs = s.executeQuery(sql)) {
                        assertThat(rs.getMetaData().getColumnCount()).as(sql).isPositive();
                    }
                }
                for (String sql : panels) {
                    s.executeQuery(sql).close();
                }
                try (ResultSet rs = s.executeQuery(queries.get(0))) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    assertThat(rows).as("deployments seen from %s", db).isEqualTo(3);
                }
            }
        }
    }

    static List<String> sqlBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1).strip().replaceAll(";$", ""));
        }
        return blocks;
    }
}
