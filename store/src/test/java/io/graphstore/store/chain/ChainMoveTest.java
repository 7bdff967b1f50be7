package io.graphstore.store.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.common.NodeId;
import io.graphstore.store.admin.ChainAdmin;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.domain.SubgraphName;
import java.util.Optional;
import io.graphstore.store.admin.ChainDetails;
import io.graphstore.store.admin.SyntheticChain;
import io.graphstore.store.domain.Site;
import io.graphstore.store.primary.ChainDao;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A chain's blocks in its shard: written as the synthetic indexer runs, moved to another shard
 * (stopped midway and resumed, a damaged range copied again), removed. Shard {@code blocks}
 * holds block data only: no deployment rule names it.
 */
@MultiShard({"primary", "shard_a", "shard_b", "blocks"})
class ChainMoveTest {
    static final String RULES = """
            [chains]
            [chains.mainnet]
            shard = "blocks"
            [chains.gnosis]
            shard = "blocks"
            [chains.arbitrum]
            shard = "blocks"
            [chains.optimism]
            shard = "blocks"
            [chains.base]
            shard = "blocks"
            [chains.sepolia]
            shard = "shard_b"

            [deployment]
            [[deployment.rule]]
            shards = [ "shard_a", "shard_b" ]
            indexers = [ "default" ]
            """;

    private static ShardedStore store(TestShards shards) {
        return shards.open(shards.config(RULES));
    }

    /** Each test uses a network of its own: the databases are shared by the class's tests. */
    private static Site indexed(ShardedStore store, String name, int n, int blocks, String network) {
        Site site = new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of(name), Samples.hash(n),
                Samples.tokenSchema(), "token.graphql", Optional.of(network), Optional.of(NodeId.DEFAULT))).site();
        new SyntheticIndexer(store.deployments().data(site), n, 3)
                .withChain(new ChainAdmin(store).ingest(site)).run(blocks, b -> { });
        return site;
    }

    @Test
    void indexingWritesTheChainsBlocksIntoTheBlockCacheShardOnly(TestShards shards) throws SQLException {
        ShardedStore store = store(shards);
        Site site = indexed(store, "org/one", 1, 250, "mainnet");
        assertThat(site.shard().value()).isIn("shard_a", "shard_b");

        ChainDetails info = new ChainAdmin(store).info("mainnet");
        assertThat(info.shard()).isEqualTo("blocks");
        String ns = info.namespace();
        assertThat(ns).matches("chain\\d+");
        assertThat(info.blocks()).contains(250L);
        assertThat(info.earliest()).contains(0L);
        assertThat(info.latest()).contains(249L);
        assertThat(info.head()).contains(249L);
        assertThat(info.headHash()).contains(SyntheticChain.block(249).hashHex());
        assertThat(info.bytes().orElseThrow()).isPositive();
        assertThat(info.deployments()).containsExactly(site.namespace() + " in " + site.shard());
        assertThat(count(shards, "blocks", "select count(*) from " + ns + ".blocks where parent_hash = ("
                + "select hash from " + ns + ".blocks p where p.number = blocks.number - 1)")).isEqualTo(249);
        assertThat(count(shards, "blocks", "select count(*) from pg_namespace where nspname like 'sgd%'")).isZero();
        assertThat(count(shards, "blocks", "select count(*) from subgraphs.deployment")).isZero();

        // a second deployment on the same chain writes the same blocks again: nothing new
        indexed(store, "org/two", 2, 300, "mainnet");
        assertThat(new ChainAdmin(store).info("mainnet").blocks()).contains(300L);
        assertThat(new ChainAdmin(store).list()).extracting(ChainDetails::name, ChainDetails::blocks)
                .contains(org.assertj.core.groups.Tuple.tuple("mainnet", Optional.of(300L)));
    }

    @Test
    void aMoveStoppedMidwayResumesVerifiesAndSwitchesWhileIndexingGoesOn(TestShards shards) throws SQLException {
        ShardedStore store = store(shards);
        Site site = indexed(store, "org/move", 3, 400, "gnosis");
        ChainAdmin admin = new ChainAdmin(store);
        String ns = admin.info("gnosis").namespace();
        AtomicInteger batches = new AtomicInteger();
        ChainMove stopped = admin.changeShard("gnosis", ShardName.of("shard_a"), 50)
                .run(() -> batches.incrementAndGet() > 3, p -> { });
        assertThat(stopped.outcome()).isEqualTo(ChainMove.Outcome.STOPPED);
        assertThat(stopped.next()).contains(150L);
        assertThat(admin.info("gnosis").shard()).isEqualTo("blocks");
        assertThat(admin.info("gnosis").move().orElseThrow().next()).contains(150L);
        assertThat(count(shards, "shard_a", "select count(*) from " + ns + ".blocks")).isEqualTo(150);

        // indexing goes on into the old shard while the move waits
        new SyntheticIndexer(store.deployments().data(site), 3, 3).withChain(admin.ingest(site)).run(40, b -> { });
        // damage a copied row: verification must find and copy that range again
        exec(shards, "shard_a", "update " + ns + ".blocks set data = '{}' where number = 10");

        ChainMove moved = admin.changeShard("gnosis", ShardName.of("shard_a"), 50).run(() -> false, p -> { });
        assertThat(moved.outcome()).isEqualTo(ChainMove.Outcome.MOVED);
        assertThat(moved.blocks()).isEqualTo(440);
        assertThat(moved.repairedRanges()).isEqualTo(1);
        assertThat(moved.latest()).contains(439L);
        ChainDetails after = admin.info("gnosis");
        assertThat(after.shard()).isEqualTo("shard_a");
        assertThat(after.namespace()).isEqualTo(ns);
        assertThat(after.blocks()).contains(440L);
        assertThat(after.move()).isEmpty();
        assertThat(count(shards, "blocks", "select count(*) from pg_namespace where nspname = '" + ns + "'")).isZero();
        assertThat(count(shards, "primary", "select count(*) from public.chain_moves")).isZero();
        assertThat(count(shards, "shard_a", "select count(*) from " + ns + ".blocks where data = '{}'")).isZero();

        // the next blocks go to the new shard
        new SyntheticIndexer(store.deployments().data(site), 3, 3).withChain(admin.ingest(site)).run(10, b -> { });
        assertThat(admin.info("gnosis").blocks()).contains(450L);
        assertThat(admin.info("gnosis").head()).contains(449L);
    }

    @Test
    void namingTheCurrentShardGivesAMoveUnderWayUp(TestShards shards) throws SQLException {
        ShardedStore store = store(shards);
        indexed(store, "org/cancel", 4, 120, "arbitrum");
        ChainAdmin admin = new ChainAdmin(store);
        AtomicInteger batches = new AtomicInteger();
        admin.changeShard("arbitrum", ShardName.of("shard_b"), 10).run(() -> batches.incrementAndGet() > 2, p -> { });
        assertThatThrownBy(() -> admin.changeShard("arbitrum", ShardName.of("shard_a"), 10).run(() -> false, p -> { }))
                .isInstanceOf(BadInputException.class)
                .hasMessage("chain 'arbitrum' is being moved from shard 'blocks' to 'shard_b' (since "
                        + admin.info("arbitrum").move().orElseThrow().startedAt().withNano(0) + "); finish that with"
                        + " 'graphman chain change-shard arbitrum shard_b' or give it up with 'graphman chain change-shard"
                        + " arbitrum blocks'");
        ChainMove cancelled = admin.changeShard("arbitrum", ShardName.of("blocks"), 10).run(() -> false, p -> { });
        assertThat(cancelled.outcome()).isEqualTo(ChainMove.Outcome.CANCELLED);
        assertThat(cancelled.blocks()).isEqualTo(120);
        assertThat(count(shards, "shard_b", "select count(*) from pg_namespace where nspname = '"
                + admin.info("arbitrum").namespace() + "'")).isZero();
        assertThat(admin.info("arbitrum").shard()).isEqualTo("blocks");
        assertThat(admin.info("arbitrum").move()).isEmpty();
    }

    @Test
    void badInputChangesNothing(TestShards shards) throws SQLException {
        ShardedStore store = store(shards);
        indexed(store, "org/bad", 5, 20, "optimism");
        ChainAdmin admin = new ChainAdmin(store);
        assertThatThrownBy(() -> admin.changeShard("goerli", ShardName.of("shard_a"), 10))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("chain 'goerli' does not exist (known: ").hasMessageEndingWith("; see 'graphman chain list'");
        assertThatThrownBy(() -> admin.changeShard("optimism", ShardName.of("shard_z"), 10))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("shard 'shard_z' is not configured (known: primary, shard_a, shard_b, blocks)");
        assertThatThrownBy(() -> admin.changeShard("optimism", ShardName.of("blocks"), 10).run(() -> false, p -> { }))
                .isInstanceOf(BadInputException.class)
                .hasMessage("chain 'optimism' is stored in shard 'blocks' already; name another shard to move it to");
        assertThatThrownBy(() -> admin.changeShard("optimism", ShardName.of("shard_a"), 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--batch-size 0 is invalid");
        assertThat(count(shards, "primary", "select count(*) from public.chain_moves")).isZero();
        assertThat(count(shards, "shard_a", "select count(*) from pg_namespace where nspname = '"
                + admin.info("optimism").namespace() + "'")).isZero();
        assertThat(admin.info("optimism").blocks()).contains(20L);
    }

    @Test
    void removeRefusesWhileDeploymentsUseTheChainElseDropsItsData(TestShards shards) throws SQLException {
        ShardedStore store = store(shards);
        Site site = indexed(store, "org/rm", 6, 30, "base");
        ChainAdmin admin = new ChainAdmin(store);
        assertThatThrownBy(() -> admin.remove("base")).isInstanceOf(BadInputException.class)
                .hasMessage("chain 'base' is used by 1 deployment copy (" + site.namespace() + " in " + site.shard()
                        + "); remove them first (unassign them, then 'graphman unused record' and 'graphman unused"
                        + " remove')");
        assertThat(admin.info("base").blocks()).contains(30L);

        // a chain no deployment uses: blocks written, then removed
        store.directory().write(h -> h.attach(ChainDao.class).ensure("sepolia", "shard_b"));
        new ChainIngest(store, "sepolia").write(SyntheticChain.blocks(0, 9));
        ChainDetails sepolia = admin.info("sepolia");
        assertThat(sepolia.blocks()).contains(10L);
        ChainAdmin.Removed removed = admin.remove("sepolia");
        assertThat(removed.dropped()).containsExactly(sepolia.namespace() + " in shard_b");
        assertThat(count(shards, "shard_b", "select count(*) from pg_namespace where nspname = '"
                + sepolia.namespace() + "'")).isZero();
        assertThat(admin.list()).extracting(ChainDetails::name).doesNotContain("sepolia").contains("base");
        assertThatThrownBy(() -> admin.remove("sepolia")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("chain 'sepolia' does not exist (known: ");
    }

    static long count(TestShards shards, String shard, String sql) throws SQLException {
        try (Connection c = shards.connect(ShardName.of(shard)); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void exec(TestShards shards, String shard, String sql) throws SQLException {
        try (Connection c = shards.connect(ShardName.of(shard)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
