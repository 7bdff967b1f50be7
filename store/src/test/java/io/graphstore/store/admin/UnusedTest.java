package io.graphstore.store.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class UnusedTest {

    @Test
    void theReaperRemovesOnlyWhatIsUnused(TestShards shards) throws Exception {
        String rules = "[deployment]\n[[deployment.rule]]\nshard = \"shard_a\"\nindexers = [\"default\"]\n";
        ShardedStore store = shards.open(shards.config(rules));
        Site used = Samples.deployToken(store, "reap/used", 1).site();
        Site activeUnassigned = Samples.deployToken(store, "reap/current", 2).site();
        new AssignmentAdmin(store).unassign("reap/current");
        Site nameless = Samples.deployToken(store, "reap/gone", 3).site();
        new AssignmentAdmin(store).unassign("reap/gone");
        new DeploymentAdmin(store).removeName(SubgraphName.of("reap/gone"));
        Site copySource = Samples.deployToken(store, "reap/source", 4).site();
        new SyntheticIndexer(store.deployments().data(copySource), 1, 5).run(5, b -> { });
        Site copy = new CopyAdmin(store).create("reap/source", ShardName.of("shard_b"), NodeId.DEFAULT, 0,
                CopyAdmin.OnSync.NONE, Transport.COPY);
        new AssignmentAdmin(store).unassign(copySource.namespace().value());

        UnusedAdmin unused = new UnusedAdmin(store);
        assertThat(unused.record()).extracting(UnusedAdmin.Unused::id).containsExactly(nameless.id().value());
        assertThat(unused.record()).as("recorded once").isEmpty();

        new CopyRunner(store, copy, () -> false, p -> { }).run();
        assertThat(unused.record()).as("the source is still the active copy of a current version").isEmpty();
        new AssignmentAdmin(store).unassign(copy.namespace().value());
        assertThat(unused.record()).as("an unassigned copy that is not active")
                .extracting(UnusedAdmin.Unused::id).containsExactly(copy.id().value());
        new AssignmentAdmin(store).reassign(copy.namespace().value(), NodeId.DEFAULT);
        unused.record();
        assertThat(unused.list(true)).as("used again: forgotten").extracting(UnusedAdmin.Unused::id)
                .containsExactly(nameless.id().value());

        assertThat(unused.remove(Duration.ofHours(1), 10, Optional.empty()).removed()).as("not old enough").isEmpty();
        assertThat(unused.remove(Duration.ZERO, 10, Optional.empty()).removed()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo(nameless.id().value());
            assertThat(u.removedAt()).as("what remove returns says when it removed it").isNotNull();
        });
        assertThat(store.directory().site(nameless.id())).isEmpty();
        assertThat(schemaExists(shards, nameless)).isFalse();
        assertThat(unused.list(false)).filteredOn(u -> u.id() == nameless.id().value()).singleElement()
                .satisfies(u -> assertThat(u.removedAt()).isNotNull());
        for (Site kept : new Site[] {used, activeUnassigned, copySource, copy}) {
            assertThat(store.directory().site(kept.id())).as(kept.describe()).isPresent();
            assertThat(schemaExists(shards, kept)).isTrue();
        }
    }

    private static boolean schemaExists(TestShards shards, Site site) throws Exception {
        try (Connection c = shards.connect(site.shard());
                ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_namespace where nspname = '"
                        + site.namespace() + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
