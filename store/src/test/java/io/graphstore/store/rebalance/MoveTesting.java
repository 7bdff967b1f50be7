package io.graphstore.store.rebalance;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ChainAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Deployments with data for the move tests, and counts read straight from a database. */
final class MoveTesting {
    private MoveTesting() {
    }

    /** Deploys {@code name} as hash {@code n} and indexes {@code blocks} blocks, writing the chain's blocks too. */
    static Site indexed(ShardedStore store, String name, int n, int blocks) {
        Site site = Samples.deployToken(store, name, n).site();
        new SyntheticIndexer(store.deployments().data(site), n, 4).withChain(new ChainAdmin(store).ingest(site))
                .run(blocks, b -> { });
        return site;
    }

    static String rule(String strategy, String... shards) {
        return "[deployment]\n[[deployment.rule]]\nshards = [" + String.join(", ", List.of(shards).stream()
                .map(s -> "\"" + s + "\"").toList()) + "]\nindexers = [\"default\"]\nstrategy = \"" + strategy + "\"\n";
    }

    static long count(TestShards shards, String shard, String sql) {
        try (Connection c = shards.connect(ShardName.of(shard)); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
