package io.graphstore.store.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.Site;
import io.graphstore.store.fdw.FdwWiring;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class DashboardViewsTest {
    static final String RULES = """
            [deployment]
            [[deployment.rule]]
            shards = ["primary", "shard_a", "shard_b"]
            indexers = ["default"]
            """;

    @Test
    void theDashboardViewsAgreeWithTheDirectoryInEveryDatabase(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        long entities = 0;
        for (int i = 1; i <= 4; i++) {
            Site site = Samples.deployToken(store, "dash/d" + i, i).site();
            entities += new SyntheticIndexer(store.deployments().data(site), i, 5).run(20, b -> { }).entityCount();
        }
        int sites = store.directory().allSites().size();
        for (ShardName db : shards.shards()) {
            assertThat(query(shards, db, "select count(*) from info.deployments")).as(db.value()).isEqualTo(sites);
            assertThat(query(shards, db, "select sum(entity_count) from info.deployments")).isEqualTo(entities);
            assertThat(query(shards, db, "select count(*) from sharded.head")).isEqualTo(sites);
            assertThat(query(shards, db, "select count(distinct shard) from sharded.deployment")).isEqualTo(3);
            assertThat(query(shards, db, "select count(*) from info.deployments where names like 'dash/d%'"))
                    .isEqualTo(4);
            assertThat(query(shards, db, "select count(*) from info.deployments where size_bytes > 0")).isEqualTo(sites);
            assertThat(query(shards, db, "select count(*) from info.shard_sizes")).isEqualTo(3);
            assertThat(query(shards, db, "select sum(deployments) from info.shard_sizes")).isEqualTo(sites);
            assertThat(query(shards, db, "select count(*) from info.lagging where lag > 0 or lag is null"))
                    .isLessThanOrEqualTo(sites);
            query(shards, db, "select count(*) from info.copies");
            query(shards, db, "select count(*) from info.activity");
        }
    }

    @Test
    void aForcedRemapLeavesWorkingDashboards(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        store.remap(new FdwWiring.Scope(Optional.empty(), Optional.empty(), true, false));
        for (ShardName db : shards.shards()) {
            assertThat(query(shards, db, "select count(*) from pg_views where schemaname = 'info'"))
                    .isEqualTo(InfoViews.STATEMENTS.size());
            query(shards, db, "select count(*) from info.deployments");
        }
        assertThat(new DashboardViews(store.config(), poolsOf(store)).build(store.reachableShards()))
                .allSatisfy(r -> assertThat(r).contains("unchanged (3 shards)"));
    }

    private static java.util.Map<ShardName, io.graphstore.store.pool.ShardPool> poolsOf(ShardedStore store) {
        java.util.Map<ShardName, io.graphstore.store.pool.ShardPool> m = new java.util.LinkedHashMap<>();
        for (ShardName s : store.shards()) {
            m.put(s, store.pool(s).orElseThrow());
        }
        return m;
    }

    static long query(TestShards shards, ShardName db, String sql) throws Exception {
        try (Connection c = shards.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
