package io.graphstore.store.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.admin.SyntheticChain;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rollups against hand-computed results, over blocks crossing hour and day boundaries. */
@MultiShard({"primary", "shard_a"})
public class AggregationRollupTest {
    public static final String SCHEMA = """
            type Trade @entity(timeseries: true) {
              id: Int8!
              timestamp: Timestamp!
              pair: String!
              price: BigDecimal!
              amount: Int!
            }
            type Stats @aggregation(intervals: ["day", "hour"], source: "Trade") {
              id: Int8!
              timestamp: Timestamp!
              pair: String!
              volume: BigDecimal! @aggregate(fn: "sum", arg: "price * amount")
              high: BigDecimal! @aggregate(fn: "max", arg: "price")
              low: BigDecimal! @aggregate(fn: "min", arg: "price")
              trades: Int8! @aggregate(fn: "count")
              open: BigDecimal! @aggregate(fn: "first", arg: "price")
              close: BigDecimal! @aggregate(fn: "last", arg: "price")
            }
            type Total @aggregation(intervals: ["hour"], source: "Trade") {
              id: Int8!
              timestamp: Timestamp!
              pair: String!
              amount: Int8! @aggregate(fn: "sum", arg: "amount", cumulative: true)
              trades: Int8! @aggregate(fn: "count", cumulative: true)
              hourly: Int8! @aggregate(fn: "sum", arg: "amount")
            }
            """;
    /** 2024-01-01T00:00Z in microseconds. */
    static final long DAY0 = 1_704_067_200_000_000L;
    static final long MINUTE = 60_000_000L;
    private static int counter = 700;

    static DeploymentData deploy(ShardedStore store, String name, int n) {
        Site site = new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of(name), Samples.hash(n), SCHEMA,
                "trades.graphql", Optional.empty(), Optional.of(NodeId.DEFAULT))).site();
        return store.deployments().data(site);
    }

    private static DeploymentData fresh(TestShards shards) {
        int n = counter++;
        return deploy(shards.store(), "test/agg-" + n, n);
    }

    static EntityChange trade(String pair, String price, int amount) {
        return EntityChange.set("Trade", "ignored", Map.of("pair", pair, "price", new BigDecimal(price), "amount", amount));
    }

    static Head write(DeploymentData data, int block, long minutes, EntityChange... trades) {
        return data.transact(SyntheticChain.block(block), DAY0 + minutes * MINUTE, List.of(trades));
    }

    /** {@code h0 A 42/12/8/3/10/8}: the bucket's hour (from day 0), pair, then the aggregates. */
    private static List<String> stats(DeploymentData data, String table, int block) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> r : data.find(table, block, Optional.empty(), 100)) {
            rows.add("h" + ((Long) r.get("timestamp") - DAY0) / (60 * MINUTE) + " " + r.get("pair") + " " + num(r.get("volume"))
                    + "/" + num(r.get("high")) + "/" + num(r.get("low")) + "/" + r.get("trades") + "/" + num(r.get("open"))
                    + "/" + num(r.get("close")));
        }
        return rows.stream().sorted().toList();
    }

    private static List<String> totals(DeploymentData data, int block) {
        return data.find("Total_hour", block, Optional.empty(), 100).stream()
                .map(r -> "h" + ((Long) r.get("timestamp") - DAY0) / (60 * MINUTE) + " " + r.get("pair") + " "
                        + r.get("amount") + "/" + r.get("trades") + "/" + r.get("hourly"))
                .sorted().toList();
    }

    /** The blocks of the first test: hours 0 and 1 of day 0 rolled up, hour 2 open. */
    private static Head firstFourBlocks(DeploymentData data) {
        write(data, 1, 10, trade("A", "10", 1), trade("A", "12", 2), trade("B", "5", 3));
        write(data, 2, 50, trade("A", "8", 1));
        write(data, 3, 65, trade("B", "6", 1));
        return write(data, 4, 150, trade("A", "20", 5));
    }

    private static String num(Object v) {
        return ((BigDecimal) v).stripTrailingZeros().toPlainString();
    }

    @Test
    void timeseriesGetTheBlocksIdAndTimeAndBucketsRollUpWhenALaterBucketBegins(TestShards shards) {
        DeploymentData data = fresh(shards);
        write(data, 1, 10, trade("A", "10", 1), trade("A", "12", 2), trade("B", "5", 3));
        Head head = write(data, 2, 50, trade("A", "8", 1));
        assertThat(head.entityCount()).isEqualTo(4);
        Map<String, Object> first = data.get("Trade", Long.toString((1L << 32) | 2), 2).orElseThrow();
        assertThat(first.get("pair")).isEqualTo("B");
        assertThat(first.get("timestamp")).isEqualTo(DAY0 + 10 * MINUTE);
        assertThat(stats(data, "Stats_hour", 2)).isEmpty();

        head = write(data, 3, 65, trade("B", "6", 1));
        assertThat(stats(data, "Stats_hour", 2)).isEmpty();
        assertThat(stats(data, "Stats_hour", 3)).containsExactly("h0 A 42/12/8/3/10/8", "h0 B 15/5/5/1/5/5");
        assertThat(data.find("Stats_hour", 3, Optional.empty(), 10)).extracting(r -> r.get("id"))
                .contains((2L << 32) | 0, (1L << 32) | 2);
        assertThat(head.entityCount()).isEqualTo(5 + 2 + 2);

        write(data, 4, 150, trade("A", "20", 5));
        assertThat(stats(data, "Stats_hour", 4)).containsExactly("h0 A 42/12/8/3/10/8", "h0 B 15/5/5/1/5/5",
                "h1 B 6/6/6/1/6/6");
        write(data, 5, 24 * 60 + 5, trade("A", "1", 1));
        assertThat(stats(data, "Stats_hour", 5)).containsExactly("h0 A 42/12/8/3/10/8", "h0 B 15/5/5/1/5/5",
                "h1 B 6/6/6/1/6/6", "h2 A 100/20/20/1/20/20");
        assertThat(stats(data, "Stats_day", 4)).isEmpty();
        assertThat(stats(data, "Stats_day", 5)).containsExactly("h0 A 142/20/8/4/10/20", "h0 B 21/6/5/2/5/6");
    }

    @Test
    void cumulativeAggregatesCarryOnFromTheLatestEarlierRowOfTheirDimensions(TestShards shards) {
        DeploymentData data = fresh(shards);
        firstFourBlocks(data);
        write(data, 5, 24 * 60 + 5, trade("A", "1", 1));
        assertThat(totals(data, 5)).containsExactly("h0 A 4/3/4", "h0 B 3/1/3", "h1 B 4/2/1", "h2 A 9/4/5");
    }

    @Test
    void aRevertAcrossARollupDeletesItsRowsAndTheNextBlockRollsTheBucketUpAgain(TestShards shards) {
        DeploymentData data = fresh(shards);
        Head before = firstFourBlocks(data);
        assertThat(stats(data, "Stats_hour", 4)).contains("h1 B 6/6/6/1/6/6");

        Head reverted = data.revert(SyntheticChain.block(3));
        assertThat(reverted.entityCount()).isEqualTo(before.entityCount() - 1 - 2);
        assertThat(stats(data, "Stats_hour", 99)).containsExactly("h0 A 42/12/8/3/10/8", "h0 B 15/5/5/1/5/5");

        write(data, 4, 90, trade("B", "7", 2));
        assertThat(stats(data, "Stats_hour", 99)).hasSize(2);
        write(data, 5, 130, trade("A", "1", 1));
        assertThat(stats(data, "Stats_hour", 99)).containsExactly("h0 A 42/12/8/3/10/8", "h0 B 15/5/5/1/5/5",
                "h1 B 20/7/6/2/6/7");
        assertThat(totals(data, 99)).containsExactly("h0 A 4/3/4", "h0 B 3/1/3", "h1 B 6/3/3");
    }

    @Test
    void aggregationTablesAreNotWrittenDirectlyAndBlocksNeedTheirTime(TestShards shards) {
        DeploymentData data = fresh(shards);
        assertThatThrownBy(() -> write(data, 1, 10, EntityChange.set("Stats_hour", "1", Map.of())))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Stats_hour is a table of aggregation Stats, which the store fills by rolling up timeseries"
                        + " Trade; write Trade entities instead");
        assertThatThrownBy(() -> data.transact(SyntheticChain.block(1), List.of(trade("A", "1", 1))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has aggregations (Stats, Total), which roll up"
                        + " by block time");
        assertThatThrownBy(() -> write(data, 1, 10, EntityChange.delete("Trade", "1")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Trade is immutable");
        assertThat(data.head().number()).isEmpty();
    }
}
