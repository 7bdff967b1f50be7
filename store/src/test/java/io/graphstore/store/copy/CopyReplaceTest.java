package io.graphstore.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.UnusedAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class CopyReplaceTest {

    @Test
    void replaceActivatesTheCopyAndLeavesTheOldOneToTheReaper(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        Site old = CopyTestSupport.deployAndIndex(store, "replace/me", 1, 80, 15);
        Site copy = new CopyAdmin(store).create("replace/me", CopyTest.B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.REPLACE,
                Transport.COPY);
        assertThat(new CopyRunner(store, copy, () -> false, p -> { }).run()).isEqualTo(CopyRunner.Outcome.FINISHED);

        assertThat(store.directory().resolveOne("replace/me").id()).isEqualTo(copy.id());
        assertThat(store.directory().assignment(old.id())).as("the old copy is unassigned").isEmpty();
        assertThat(store.directory().assignment(copy.id())).isPresent();
        assertThat(CopyTest.checksums(shards, store, copy)).isEqualTo(CopyTest.checksums(shards, store, old));

        UnusedAdmin unused = new UnusedAdmin(store);
        assertThat(unused.record()).extracting(UnusedAdmin.Unused::id).containsExactly(old.id().value());
        assertThat(unused.remove(Duration.ZERO, 10, Optional.empty()).removed()).hasSize(1);
        assertThat(store.directory().sites(old.hash())).containsExactly(store.directory().site(copy.id()).orElseThrow());
        assertThat(store.deployments().data(store.directory().resolveOne("replace/me")).head().entityCount())
                .isPositive();

        // the finished copy outlives its removed source: copy list (and the node's poll) still read it
        assertThat(new CopyInspector(store).all()).singleElement().satisfies(c -> {
            assertThat(c.dst().id()).isEqualTo(copy.id());
            assertThat(c.state()).isEqualTo("finished");
            assertThat(c.srcRemoved()).isTrue();
            assertThat(c.src().namespace()).isEqualTo(old.namespace());
            assertThat(c.src().shard()).isEqualTo(old.shard());
        });
    }
}
