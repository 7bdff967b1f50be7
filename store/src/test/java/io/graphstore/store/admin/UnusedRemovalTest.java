package io.graphstore.store.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestBackends;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Removing unused deployments checks every reference first, skips what cannot go yet with the
 * reason, goes on with the others, and leaves nothing half-done when interrupted. The test
 * methods share their databases, so each asserts only on the deployments it made.
 */
@MultiShard({"primary", "shard_a", "shard_b"})
class UnusedRemovalTest {
    static final String RULES = "[deployment]\n[[deployment.rule]]\nshard = \"shard_a\"\nindexers = [\"default\"]\n";
    static final ShardName A = ShardName.of("shard_a");
    static final ShardName B = ShardName.of("shard_b");

    @Test
    void removingTheSourceOfACancelledCopyRemovesItWholeAndTheBatchGoesOn(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        Site src = unusedWithData(store, "cancelled/src", 101);
        Site copy = copyToB(store, src);
        new CopyAdmin(store).cancel(copy.namespace().value());
        Site other = unusedWithData(store, "cancelled/other", 102);
        UnusedAdmin unused = new UnusedAdmin(store);
        assertThat(unused.record()).extracting(UnusedAdmin.Unused::id).contains(src.id().value(), copy.id().value(),
                other.id().value());

        UnusedAdmin.Removal removal = unused.remove(Duration.ZERO, 100, Optional.empty());

        assertThat(removal.removed()).extracting(UnusedAdmin.Unused::id)
                .contains(src.id().value(), copy.id().value(), other.id().value());
        assertThat(removal.skipped()).extracting(s -> s.deployment().id())
                .doesNotContain(src.id().value(), copy.id().value(), other.id().value());
        for (Site s : List.of(src, copy, other)) {
            assertGone(shards, s);
        }
        assertNothingHalfDone(shards);
    }

    @Test
    void theSourceOfARunningCopyIsSkippedWithTheReasonWhileTheOthersInTheBatchAreRemoved(TestShards shards)
            throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        Site src = unusedWithData(store, "running/src", 201);
        Site before = unusedWithData(store, "running/before", 202);
        UnusedAdmin unused = new UnusedAdmin(store);
        unused.record();
        Site after = unusedWithData(store, "running/after", 203);
        unused.record();
        Site copy = copyToB(store, src);

        UnusedAdmin.Removal removal = unused.remove(Duration.ZERO, 100, Optional.empty());

        assertThat(removal.removed()).extracting(UnusedAdmin.Unused::id).contains(before.id().value(), after.id().value())
                .doesNotContain(src.id().value());
        assertThat(removal.skipped()).filteredOn(s -> s.deployment().id() == src.id().value()).singleElement()
                .satisfies(s -> {
                    assertThat(s.failed()).as("not yet is no failure").isFalse();
                    assertThat(s.reason()).isEqualTo("copy " + copy.namespace() + " in shard 'shard_b' still reads from"
                            + " it (not finished, not cancelled); it goes once the copy finishes, or 'graphman copy cancel "
                            + copy.namespace() + "'");
                });
        assertThat(removal.anyFailed()).isFalse();
        assertWhole(shards, src);
        assertThat(rows(shards, ShardName.PRIMARY, "select count(*) from public.active_copies where src = "
                + src.id().value())).isEqualTo(1);

        new CopyAdmin(store).cancel(copy.namespace().value());
        unused.record();
        assertThat(unused.remove(Duration.ZERO, 100, Optional.empty()).removed()).extracting(UnusedAdmin.Unused::id)
                .as("once the copy is cancelled, its source and the copy go").contains(src.id().value(),
                        copy.id().value());
        assertGone(shards, src);
        assertGone(shards, copy);
        assertNothingHalfDone(shards);
    }

    @Test
    void aFinishedCopyThatIsAssignedAndFollowsItKeepsItsSourceUntilItIsUnassigned(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        Site src = unusedWithData(store, "follow/src", 301);
        UnusedAdmin unused = new UnusedAdmin(store);
        unused.record();
        Site copy = copyToB(store, src);
        assertThat(new CopyRunner(store, copy, () -> false, p -> { }).run()).isEqualTo(CopyRunner.Outcome.FINISHED);

        UnusedAdmin.Removal removal = unused.remove(Duration.ZERO, 100, Optional.of(src.hash()));
        assertThat(removal.removed()).isEmpty();
        assertThat(removal.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).isEqualTo(copy.namespace()
                + " in shard 'shard_b' follows it and is assigned to node default; 'graphman unassign " + copy.namespace()
                + "' (or activate it) first"));
        assertWhole(shards, src);

        new AssignmentAdmin(store).unassign(copy.namespace().value());
        unused.record();
        assertThat(unused.remove(Duration.ZERO, 100, Optional.of(src.hash())).removed())
                .extracting(UnusedAdmin.Unused::id).containsExactlyInAnyOrder(src.id().value(), copy.id().value());
        assertGone(shards, src);
        assertGone(shards, copy);
    }

    @Test
    void aDeploymentHalfRemovedBeforeThisFixIsFinishedByTheNextRemove(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        Site src = unusedWithData(store, "half/src", 401);
        Site copy = copyToB(store, src);
        new CopyAdmin(store).cancel(copy.namespace().value());
        UnusedAdmin unused = new UnusedAdmin(store);
        unused.record();
        // what the old removal left: namespace and shard metadata gone, directory row and copy row kept
        try (Connection c = shards.connect(A); Statement s = c.createStatement()) {
            s.execute("drop schema " + src.namespace() + " cascade");
            s.execute("delete from subgraphs.deployment where id = " + src.id().value());
        }
        assertThat(new InfoAdmin(store).info(Optional.of(src.namespace().value()))).singleElement()
                .satisfies(i -> assertThat(i.shardProblem()).hasValueSatisfying(p -> assertThat(p).startsWith("no data")));
        assertThat(unused.list(true)).filteredOn(u -> u.id() == src.id().value()).singleElement()
                .satisfies(u -> assertThat(u.entityCount()).as("no head to count").isNull());

        UnusedAdmin.Removal removal = unused.remove(Duration.ZERO, 100, Optional.of(src.hash()));

        assertThat(removal.skipped()).isEmpty();
        assertThat(removal.removed()).extracting(UnusedAdmin.Unused::id)
                .containsExactlyInAnyOrder(src.id().value(), copy.id().value());
        assertThat(removal.removed()).filteredOn(u -> u.id() == src.id().value()).singleElement()
                .satisfies(u -> assertThat(u.entityCount()).as("unknown: its data was gone already").isNull());
        assertGone(shards, src);
        assertGone(shards, copy);
        assertNothingHalfDone(shards);
    }

    @Test
    void aRemovalInterruptedAtAnyStepLeavesNothingHalfDoneAndTheNextRemoveFinishesIt(TestShards shards)
            throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        int n = 500;
        for (UnusedAdmin.Step step : UnusedAdmin.Step.values()) {
            Site src = unusedWithData(store, "interrupted/" + step.name().toLowerCase(java.util.Locale.ROOT), ++n);
            Site copy = copyToB(store, src);
            new CopyAdmin(store).cancel(copy.namespace().value());
            UnusedAdmin plain = new UnusedAdmin(store);
            plain.record();
            long entities = rows(shards, A, "select entity_count from subgraphs.head where id = " + src.id().value());
            boolean marked = step != UnusedAdmin.Step.CHECKED;
            AtomicBoolean stopped = new AtomicBoolean();
            UnusedAdmin interrupted = new UnusedAdmin(store, (at, u) -> {
                if (at == step && u.id() == src.id().value() && stopped.compareAndSet(false, true)) {
                    throw new IllegalStateException("interrupted at " + step);
                }
            });

            UnusedAdmin.Removal first = interrupted.remove(Duration.ZERO, 1, Optional.of(src.hash()));

            assertThat(stopped).as(step.name()).isTrue();
            assertThat(first.removed()).as("%s: the failure does not stop the cancelled copy's removal", step)
                    .extracting(UnusedAdmin.Unused::id).containsExactly(copy.id().value());
            assertThat(first.skipped()).as(step.name()).singleElement().satisfies(s -> {
                assertThat(s.failed()).isTrue();
                assertThat(s.reason()).isEqualTo("interrupted at " + step + (marked
                        ? "; its removal has begun, and the next remove finishes it once that is fixed"
                        : "; nothing was changed, the next remove tries again"));
            });
            assertNothingHalfDone(shards);
            assertThat(removalStarted(shards, src)).as(step.name()).isEqualTo(marked);
            if (marked) {
                assertThat(plain.list(true)).filteredOn(u -> u.id() == src.id().value()).singleElement()
                        .satisfies(u -> assertThat(u.entityCount()).as("the count when its removal began")
                                .isEqualTo(entities));
                assertThat(new InfoAdmin(store).info(Optional.of(src.namespace().value()))).singleElement()
                        .satisfies(i -> assertThat(i.shardProblem()).hasValueSatisfying(p -> assertThat(p)
                                .startsWith("being removed as unused since ")
                                .endsWith("; 'graphman unused remove --deployment " + src.hash() + "' finishes it")));
                assertThatThrownBy(() -> new AssignmentAdmin(store).reassign(src.namespace().value(), NodeId.DEFAULT))
                        .isInstanceOf(BadInputException.class).hasMessage("deployment " + src.describe()
                                + " is being removed as unused (since " + startedAt(shards, src) + "); finish that with"
                                + " 'graphman unused remove --deployment " + src.hash() + "', then deploy it again");
                assertThatThrownBy(() -> new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of(
                        "interrupted/again"), src.hash(), Samples.tokenSchema(), "token.graphql", Optional.empty(),
                        Optional.of(NodeId.DEFAULT)))).isInstanceOf(BadInputException.class)
                        .hasMessageContaining("is being removed as unused");
            } else {
                assertWhole(shards, src);
            }
            plain.record();
            assertThat(plain.list(true)).extracting(UnusedAdmin.Unused::id).as("not forgotten").contains(src.id().value());

            UnusedAdmin.Removal second = plain.remove(Duration.ofDays(1), 1, Optional.of(src.hash()));
            if (marked) {
                assertThat(second.removed()).as("%s: finished first, whatever its age", step).singleElement()
                        .satisfies(u -> {
                            assertThat(u.id()).isEqualTo(src.id().value());
                            assertThat(u.entityCount()).isEqualTo(entities);
                        });
            } else {
                assertThat(second.removed()).as("%s: not marked, so not old enough yet", step).isEmpty();
                assertThat(plain.remove(Duration.ZERO, 1, Optional.of(src.hash())).removed())
                        .extracting(UnusedAdmin.Unused::id).containsExactly(src.id().value());
            }
            assertGone(shards, src);
            assertNothingHalfDone(shards);
        }
    }

    @Test
    void listShowsTheRealEntityCountThenTheCountAtRemovalAndUnknownWhileTheShardIsDown(TestShards shards)
            throws Exception {
        ShardedStore store = shards.open(shards.config(RULES));
        Site kept = unusedWithData(store, "count/kept", 601);
        Site removed = unusedWithData(store, "count/removed", 602);
        Site copy = copyToB(store, removed);
        new CopyAdmin(store).cancel(copy.namespace().value());
        UnusedAdmin unused = new UnusedAdmin(store);
        unused.record();
        long keptCount = store.deployments().data(kept).head().entityCount();
        long removedCount = store.deployments().data(removed).head().entityCount();
        assertThat(keptCount).isPositive();
        assertThat(removedCount).isPositive().isNotEqualTo(keptCount);
        assertThat(unused.list(true)).filteredOn(u -> u.id() == kept.id().value() || u.id() == removed.id().value())
                .extracting(UnusedAdmin.Unused::entityCount).containsExactly(keptCount, removedCount);

        assertThat(unused.remove(Duration.ZERO, 100, Optional.of(removed.hash())).removed())
                .filteredOn(u -> u.id() == removed.id().value()).singleElement()
                .satisfies(u -> assertThat(u.entityCount()).isEqualTo(removedCount));
        assertThat(unused.list(false)).filteredOn(u -> u.id() == removed.id().value()).singleElement()
                .satisfies(u -> assertThat(u.entityCount()).as("the count at removal").isEqualTo(removedCount));

        ShardedStore down = shards.open(ConfigLoader.parse(downConfig(shards, A), "down.toml", name -> Optional.empty()));
        assertThat(new UnusedAdmin(down).list(true)).filteredOn(u -> u.id() == kept.id().value()).singleElement()
                .satisfies(u -> assertThat(u.entityCount()).as("shard_a is down").isNull());
        UnusedAdmin.Removal removal = new UnusedAdmin(down).remove(Duration.ZERO, 100, Optional.of(kept.hash()));
        assertThat(removal.removed()).isEmpty();
        assertThat(removal.skipped()).singleElement().satisfies(s -> {
            assertThat(s.failed()).isFalse();
            assertThat(s.reason()).startsWith("its shard cannot be reached: shard 'shard_a' at ")
                    .endsWith("; it is removed once the shard is back");
        });
        assertWhole(shards, kept);
        assertThat(unused.remove(Duration.ZERO, 100, Optional.of(kept.hash())).removed())
                .extracting(UnusedAdmin.Unused::entityCount).containsExactly(keptCount);
        assertGone(shards, kept);
    }

    // ---- helpers

    /** Deploys NAME as hash(n) in shard_a with a few blocks, then makes it unused: unassigned, its name removed. */
    static Site unusedWithData(ShardedStore store, String name, int n) {
        Site site = Samples.deployToken(store, name, n).site();
        new SyntheticIndexer(store.deployments().data(site), n, 5).run(5 + n % 7, b -> { });
        new AssignmentAdmin(store).unassign(name);
        new DeploymentAdmin(store).removeName(SubgraphName.of(name));
        return site;
    }

    /** A copy of {@code src} in shard_b, queued (nobody runs it) and assigned to node default. */
    static Site copyToB(ShardedStore store, Site src) {
        return new CopyAdmin(store).create(src.namespace().value(), B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE,
                Transport.COPY);
    }

    /** The config with {@code shard}'s server moved to a port nobody listens on. */
    static String downConfig(TestShards shards, ShardName shard) {
        var server = shards.server(shard);
        return shards.configToml(RULES).replace(server.host() + ":" + server.port() + "/" + shards.database(shard),
                "127.0.0.1:" + TestBackends.freePort() + "/" + shards.database(shard));
    }

    /** The site with its directory row, namespace and shard metadata, not marked. */
    static void assertWhole(TestShards shards, Site site) throws SQLException {
        assertThat(rows(shards, ShardName.PRIMARY, "select count(*) from public.deployment_schemas where id = "
                + site.id().value())).as("directory row of %s", site.namespace()).isEqualTo(1);
        assertThat(hasData(shards, site.shard(), site.id().value())).as("data of %s", site.namespace()).isTrue();
        assertThat(removalStarted(shards, site)).as("%s marked", site.namespace()).isFalse();
    }

    /** Nothing left of the site but its history row, which says when it was removed. */
    static void assertGone(TestShards shards, Site site) throws SQLException {
        int id = site.id().value();
        assertThat(rows(shards, ShardName.PRIMARY, "select count(*) from public.deployment_schemas where id = " + id))
                .as("directory row of %s", site.namespace()).isZero();
        assertThat(rows(shards, ShardName.PRIMARY, "select count(*) from public.active_copies where src = " + id
                + " or dst = " + id)).as("copy rows naming %s", site.namespace()).isZero();
        assertThat(rows(shards, site.shard(), "select count(*) from pg_namespace where nspname = '" + site.namespace()
                + "'")).as("namespace %s", site.namespace()).isZero();
        for (String table : List.of("deployment", "head", "subgraph_manifest", "follow_state")) {
            assertThat(rows(shards, site.shard(), "select count(*) from subgraphs." + table + " where id = " + id))
                    .as("%s of %s", table, site.namespace()).isZero();
        }
        assertThat(rows(shards, site.shard(), "select count(*) from subgraphs.copy_state where dst = " + id)).isZero();
        assertThat(rows(shards, ShardName.PRIMARY, "select count(*) from public.unused_deployments where id = " + id
                + " and removed_at is not null")).as("%s recorded removed", site.namespace()).isEqualTo(1);
    }

    /**
     * Every directory row has its data in its shard unless its removal has begun (the next
     * remove finishes those); every removed deployment has nothing left.
     */
    static void assertNothingHalfDone(TestShards shards) throws SQLException {
        List<int[]> sites = new ArrayList<>();
        List<String> shardOf = new ArrayList<>();
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select ds.id, ds.shard, u.removal_started_at is not null as marked
                          from public.deployment_schemas ds
                          left join public.unused_deployments u on u.id = ds.id and u.removed_at is null""")) {
            while (rs.next()) {
                sites.add(new int[] {rs.getInt(1), rs.getBoolean(3) ? 1 : 0});
                shardOf.add(rs.getString(2));
            }
        }
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i)[1] == 0) {
                assertThat(hasData(shards, ShardName.of(shardOf.get(i)), sites.get(i)[0]))
                        .as("sgd%d has a directory row and is not being removed, so it has its data", sites.get(i)[0])
                        .isTrue();
            }
        }
        assertThat(rows(shards, ShardName.PRIMARY, """
                select count(*) from public.unused_deployments u
                 where u.removed_at is not null and exists (select 1 from public.deployment_schemas ds where ds.id = u.id)"""))
                .as("removed deployments with a directory row").isZero();
    }

    static boolean hasData(TestShards shards, ShardName shard, int id) throws SQLException {
        return rows(shards, shard, "select count(*) from pg_namespace where nspname = 'sgd" + id + "'") == 1
                && rows(shards, shard, "select count(*) from subgraphs.deployment where id = " + id) == 1;
    }

    static boolean removalStarted(TestShards shards, Site site) throws SQLException {
        return rows(shards, ShardName.PRIMARY, "select count(*) from public.unused_deployments where id = "
                + site.id().value() + " and removal_started_at is not null and removed_at is null") == 1;
    }

    static String startedAt(TestShards shards, Site site) throws SQLException {
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select removal_started_at from public.unused_deployments where id = "
                        + site.id().value())) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).withNano(0).toString();
        }
    }

    static long rows(TestShards shards, ShardName shard, String sql) throws SQLException {
        try (Connection c = shards.connect(shard); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
