package io.graphstore.store.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.SyntheticChain;
import io.graphstore.store.domain.Site;
import io.graphstore.store.layout.Column;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.shard.DeploymentData;
import io.graphstore.store.shard.EntityChange;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class CopyTest {
    static final ShardName A = ShardName.of("shard_a");
    static final ShardName B = ShardName.of("shard_b");
    static final String RULES = "[deployment]\n[[deployment.rule]]\nshard = \"shard_a\"\nindexers = [\"default\"]\n";

    private static Site deployAndIndex(ShardedStore store, String name, int n, int blocks) {
        Site site = Samples.deployToken(store, name, n).site();
        new SyntheticIndexer(store.deployments().data(site), n, 20).run(blocks, b -> { });
        return site;
    }

    private static CopyRunner.Outcome run(ShardedStore store, Site dst) {
        return new CopyRunner(store, dst, () -> false, p -> { }).run();
    }

    /**
     * The token sample's indexes: Token and Account (mutable) have the primary key, three
     * version indexes and an attribute index per field (Token 11 and its fulltext column,
     * Account 2); Transfer (immutable) the primary key, unique id, block$ and one per field
     * but the id (5).
     */
    private static final int EXPECTED_INDEXES = (4 + 12) + (4 + 2) + (3 + 5);

    @Test
    void aCopyEqualsItsSourceVersionForVersion(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        Site src = deployAndIndex(store, "copy/plain", 1, 180);
        for (Transport transport : Transport.values()) {
            ShardName to = transport == Transport.COPY ? B : ShardName.PRIMARY;
            Site dst = new CopyAdmin(store).create(src.namespace().value(), to, NodeId.DEFAULT, 0,
                    CopyAdmin.OnSync.NONE, transport);
            assertThat(dst.active()).isFalse();
            assertThat(run(store, dst)).isEqualTo(CopyRunner.Outcome.FINISHED);
            assertThat(checksums(shards, store, dst)).as(transport.label()).isEqualTo(checksums(shards, store, src));
            // the copy loads bare tables and builds the indexes afterwards: it must end with the source's
            assertThat(indexes(shards, dst)).as(transport.label()).isEqualTo(indexes(shards, src))
                    .hasSize(EXPECTED_INDEXES);
            assertThat(store.deployments().data(dst).head().entityCount())
                    .isEqualTo(store.deployments().data(src).head().entityCount());
            assertThat(count(shards, ShardName.PRIMARY, "select count(*) from public.active_copies where dst = "
                    + dst.id().value())).isZero();
            assertThat(store.require(to).extraCopyWorkers().availablePermits())
                    .as("the extra workers' permits are back (pool_size 4: one)").isEqualTo(1);
        }
    }

    @Test
    void theEntityCountGrowsAsBatchesLandAndEndsEqualToTheSource(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES), io.graphstore.store.StoreOptions.defaults()
                .withCopyBatches(java.time.Duration.ofMillis(1), 150));
        Site src = deployAndIndex(store, "copy/counted", 5, 150);
        Site dst = new CopyAdmin(store).create(src.namespace().value(), B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE,
                Transport.COPY);
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(new CopyRunner(store, dst, () -> batches.get() >= 4, p -> batches.incrementAndGet()).run())
                .isEqualTo(CopyRunner.Outcome.STOPPED);
        long partial = store.deployments().data(dst).head().entityCount();
        assertThat(partial).as("counted while the bulk phase runs").isPositive()
                .isLessThan(store.deployments().data(src).head().entityCount())
                .isEqualTo(openVersions(shards, store, dst));
        assertThat(run(store, dst)).isEqualTo(CopyRunner.Outcome.FINISHED);
        assertThat(store.deployments().data(dst).head().entityCount())
                .as("resumed: nothing counted twice").isEqualTo(store.deployments().data(src).head().entityCount())
                .isEqualTo(openVersions(shards, store, dst));
        assertThat(indexes(shards, dst)).isEqualTo(indexes(shards, src));
    }

    private static long openVersions(TestShards shards, ShardedStore store, Site site) throws Exception {
        long open = 0;
        for (EntityTable t : store.deployments().data(site).layout().tables()) {
            open += count(shards, site.shard(), "select count(*) from " + t.qualifiedName(site.namespace())
                    + " where " + t.isCurrent());
        }
        return open;
    }

    @Test
    void aCopyCatchesUpWithWritesAndRevertsMadeWhileItRuns(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        Site src = deployAndIndex(store, "copy/busy", 2, 120);
        Site dst = new CopyAdmin(store).create(src.namespace().value(), B, NodeId.DEFAULT, 10, CopyAdmin.OnSync.NONE, Transport.COPY);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            DeploymentData data = store.deployments().data(src);
            while (writing.get()) {
                new SyntheticIndexer(data, 7, 10).run(5, b -> { });
                int head = data.head().number().orElseThrow();
                data.revert(SyntheticChain.block(head - 2));
            }
        });
        writer.start();
        try {
            assertThat(run(store, dst)).isEqualTo(CopyRunner.Outcome.FINISHED);
        } finally {
            writing.set(false);
            writer.join();
        }
        Follower.followOnce(store, dst);
        assertThat(store.deployments().data(dst).head().number()).isEqualTo(store.deployments().data(src).head().number());
        assertThat(checksums(shards, store, dst)).isEqualTo(checksums(shards, store, src));
    }

    @Test
    void activationSwitchesWritesAndBackWithNothingLost(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        Site src = deployAndIndex(store, "copy/switch", 3, 60);
        Site dst = new CopyAdmin(store).create("copy/switch", B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.ACTIVATE,
                Transport.COPY);
        assertThat(run(store, dst)).isEqualTo(CopyRunner.Outcome.FINISHED);
        assertThat(store.directory().resolveOne("copy/switch").id()).isEqualTo(dst.id());

        DeploymentData oldData = store.deployments().data(src);
        assertThatThrownBy(() -> oldData.transact(SyntheticChain.block(1000), List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("is not the active copy");
        DeploymentData newData = store.deployments().data(store.directory().resolveOne("copy/switch"));
        newData.transact(SyntheticChain.block(100), List.of(EntityChange.set("Account", "0xabcd",
                Map.of("balance", BigInteger.valueOf(42)))));
        new SyntheticIndexer(newData, 9, 10).run(30, b -> { });

        Follower.followOnce(store, src);
        assertThat(checksums(shards, store, src)).isEqualTo(checksums(shards, store, dst));

        Activator.activate(store, store.directory().site(src.id()).orElseThrow(), false);
        assertThat(store.directory().resolveOne("copy/switch").id()).isEqualTo(src.id());
        DeploymentData back = store.deployments().data(store.directory().resolveOne("copy/switch"));
        back.transact(SyntheticChain.block(200), List.of(EntityChange.delete("Account", "0xabcd")));
        Follower.followOnce(store, store.directory().site(dst.id()).orElseThrow());
        assertThat(checksums(shards, store, dst)).isEqualTo(checksums(shards, store, src));
        assertThat(back.get("Account", "0xabcd", 150).orElseThrow().get("balance")).isEqualTo(BigInteger.valueOf(42));
    }

    @Test
    void badCopyRequestsAreRejectedAndWriteNothing(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        Site src = deployAndIndex(store, "copy/bad", 4, 10);
        long before = count(shards, ShardName.PRIMARY, "select count(*) from public.deployment_schemas");
        CopyAdmin admin = new CopyAdmin(store);
        assertThatThrownBy(() -> admin.create("copy/bad", A, NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.COPY))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is already in shard 'shard_a'");
        assertThatThrownBy(() -> admin.create("copy/nope", B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.COPY))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> admin.create("copy/bad", ShardName.of("shard_z"), NodeId.DEFAULT, 0,
                CopyAdmin.OnSync.NONE, Transport.COPY)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not configured");
        assertThatThrownBy(() -> admin.create("copy/bad", B, NodeId.DEFAULT, 50, CopyAdmin.OnSync.NONE, Transport.COPY))
                .isInstanceOf(BadInputException.class).hasMessageContaining("nothing to copy");
        assertThat(count(shards, ShardName.PRIMARY, "select count(*) from public.deployment_schemas")).isEqualTo(before);
        admin.create("copy/bad", B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.COPY);
        assertThatThrownBy(() -> admin.create("copy/bad", B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.COPY))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already has a copy");
        assertThat(src.shard()).isEqualTo(A);
    }

    static List<String> checksums(TestShards shards, ShardedStore store, Site site) throws Exception {
        List<String> sums = new ArrayList<>();
        try (Connection c = shards.connect(site.shard()); Statement s = c.createStatement()) {
            for (EntityTable t : store.deployments().data(site).layout().tables()) {
                String cols = t.allColumns().stream().map(Column::quotedName).collect(Collectors.joining(", "));
                try (ResultSet rs = s.executeQuery("select count(*), md5(coalesce(string_agg(r, '|' order by r), ''))"
                        + " from (select (vid, " + t.blockColumn() + ", " + cols + ")::text as r from "
                        + t.qualifiedName(site.namespace()) + ") x")) {
                    rs.next();
                    sums.add(t.entityType() + ":" + rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        }
        return sums;
    }

    /** Every index of the site's tables, its definition with the namespace left out. */
    static List<String> indexes(TestShards shards, Site site) throws Exception {
        List<String> defs = new ArrayList<>();
        try (Connection c = shards.connect(site.shard()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select replace(indexdef, schemaname || '.', '') from pg_indexes"
                        + " where schemaname = '" + site.namespace().value() + "' order by indexname")) {
            while (rs.next()) {
                defs.add(rs.getString(1));
            }
        }
        return defs;
    }

    static long count(TestShards shards, ShardName shard, String sql) throws Exception {
        try (Connection c = shards.connect(shard); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
