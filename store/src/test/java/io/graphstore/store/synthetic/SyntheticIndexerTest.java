package io.graphstore.store.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.domain.Site;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.shard.DeploymentData;
import io.graphstore.store.shard.Head;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@MultiShard({"primary"})
class SyntheticIndexerTest {

    @Test
    void theWorkloadIsDeterministicAndKeepsTheEntityCountTrue(TestShards shards) throws Exception {
        DeploymentData one = data(shards, "org/one", 1);
        DeploymentData two = data(shards, "org/two", 2);
        List<Integer> progress = new ArrayList<>();
        SyntheticIndexer indexer = new SyntheticIndexer(one, 7, 25);
        Head head = indexer.run(120, progress::add);
        assertThat(indexer.blocksWritten()).as("120 blocks plus 3 again after each of 2 reorgs").isEqualTo(126);
        assertThat(indexer.changesWritten()).isEqualTo(126 * 25);
        new SyntheticIndexer(two, 7, 25).run(120, b -> { });

        assertThat(head.number()).contains(119);
        assertThat(progress).hasSize(120).startsWith(0, 1, 2).endsWith(119);
        assertThat(head.entityCount()).isEqualTo(openRows(shards, one)).isPositive();
        assertThat(checksums(shards, one)).isEqualTo(checksums(shards, two));
        assertThat(versions(shards, one)).as("updates and deletes closed some versions")
                .isGreaterThan(head.entityCount());

        Head more = new SyntheticIndexer(one, 7, 25).run(10, b -> { });
        assertThat(more.number()).contains(129);
        assertThat(more.entityCount()).isEqualTo(openRows(shards, one));
    }

    private static DeploymentData data(TestShards shards, String name, int n) {
        Site site = Samples.deployToken(shards.store(), name, n).site();
        return shards.store().deployments().data(site);
    }

    private static long openRows(TestShards shards, DeploymentData d) throws Exception {
        return sum(shards, d, "select count(*) from %s where %s");
    }

    private static long versions(TestShards shards, DeploymentData d) throws Exception {
        return sum(shards, d, "select count(*) from %s");
    }

    private static long sum(TestShards shards, DeploymentData d, String sql) throws Exception {
        long total = 0;
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement()) {
            for (EntityTable t : d.layout().tables()) {
                try (ResultSet rs = s.executeQuery(sql.formatted(t.qualifiedName(d.site().namespace()), t.isCurrent()))) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }

    /** Per table, an md5 over every version (block range and all columns, not vid). */
    private static List<String> checksums(TestShards shards, DeploymentData d) throws Exception {
        List<String> sums = new ArrayList<>();
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement()) {
            for (EntityTable t : d.layout().tables()) {
                String table = t.qualifiedName(d.site().namespace());
                try (ResultSet rs = s.executeQuery("select md5(coalesce(string_agg(r::text, '|' order by r::text), ''))"
                        + " from (select (x.*)::text as r from " + table + " x) y")) {
                    rs.next();
                    sums.add(rs.getString(1));
                }
            }
        }
        return sums;
    }
}
