package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** graphman deploy says what it created in the shard, and names directives it ignores. */
@MultiShard({"primary", "shard_a", "shard_b"})
class DeployLayoutOutputTest {
    private static final String SCHEMA = """
            enum Side { SELL, BUY }
            type _Schema_ @fulltext(name: "poolSearch", language: en, algorithm: rank,
                include: [{entity: "Pool", fields: [{name: "name"}]}])
            type Pool @entity @regularPolling { id: ID! name: String! }
            type Data @entity(timeseries: true) { id: Int8! timestamp: Timestamp! pool: Pool! price: BigDecimal! side: Side! }
            type Stats @aggregation(intervals: ["hour", "day"], source: "Data") {
              id: Int8!
              timestamp: Timestamp!
              pool: Pool!
              volume: BigDecimal! @aggregate(fn: "sum", arg: "price")
              trades: Int8! @aggregate(fn: "count", cumulative: true)
            }
            """;

    @Test
    void aNewDeploymentListsItsTablesTypesFulltextAggregationsAndWarnings(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        Path schema = Files.writeString(dir.resolve("pools.graphql"), SCHEMA);
        GraphmanRunner.Result r = cli.run("deploy", "org/pools", ShardCli.hash(801), "--schema", schema.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).contains("warning: " + schema + ":4:19: directive @regularPolling on type 'Pool' is not used"
                + " by graph-store (nor by graph-node); it has no effect on the tables");
        assertThat(r.out()).containsPattern("tables +pool \\(mutable, 2 columns\\), data \\(immutable, 5 columns\\),"
                + " stats_hour \\(immutable, 5 columns\\), stats_day \\(immutable, 5 columns\\)\n");
        assertThat(r.out()).containsPattern("enum types +sgd\\d+\\.\"side\" \\(BUY, SELL\\)\n");
        assertThat(r.out()).containsPattern("fulltext +pool\\.pool_search \\(english, rank: name\\)\n");
        assertThat(r.out()).containsPattern("aggregations +Stats of Data \\(stats_hour, stats_day: volume = sum,"
                + " trades = count cumulative\\)\n");

        JsonNode json = cli.json("deploy", "org/pools-2", ShardCli.hash(802), "--schema", schema.toString(), "--json");
        JsonNode layout = json.get("layout");
        List<String> tables = new ArrayList<>();
        layout.get("tables").forEach(t -> tables.add(t.get("table").asText() + ":" + t.get("immutable").asBoolean()));
        assertThat(tables).containsExactly("pool:false", "data:true", "stats_hour:true", "stats_day:true");
        assertThat(layout.get("tables").get(1).get("indexes").toString()).contains("data_id_key", "data_block",
                "attr_1_0_data_timestamp", "attr_1_1_data_pool");
        assertThat(layout.get("enumTypes").get(0).get("values").toString()).isEqualTo("[\"BUY\",\"SELL\"]");
        assertThat(layout.get("aggregations").get(0).get("dimensions").toString()).isEqualTo("[\"pool\"]");
        assertThat(json.get("warnings")).hasSize(1);

        JsonNode again = cli.json("deploy", "org/pools-3", ShardCli.hash(802), "--schema", schema.toString(), "--json");
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(again.has("layout")).as("an existing deployment created nothing").isFalse();
    }
}
