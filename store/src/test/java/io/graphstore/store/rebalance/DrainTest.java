package io.graphstore.store.rebalance;

import static io.graphstore.store.rebalance.MoveTesting.count;
import static io.graphstore.store.rebalance.MoveTesting.indexed;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ChainAdmin;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.MoveAdmin;
import io.graphstore.store.admin.ShardAdmin;
import io.graphstore.store.admin.ShardReferences;
import io.graphstore.store.admin.UnusedAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.primary.AssignmentDao;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 'shard drain': 20 deployments (one of them unassigned) and a chain's block data leave a
 * shard; every moved copy verifies identical against the one it replaced; after the old copies
 * are removed and the rules no longer name the shard, remove-check passes. Draining again
 * finds nothing to do.
 */
@MultiShard({"primary", "shard_a", "shard_b", "shard_c"})
class DrainTest {
    private static final String CHAINS = "[chains]\n[chains.mainnet]\nshard = \"shard_a\"\n";

    @Test
    void aDrainedShardHoldsNothingAndCanLeaveTheConfig(TestShards shards) {
        ShardedStore one = shards.open(shards.config(CHAINS + MoveTesting.rule("hrw", "shard_a")));
        Map<String, Site> before = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            before.put("drain/d" + i, indexed(one, "drain/d" + i, 100 + i, 8));
        }
        assertThat(before.values()).allMatch(s -> s.shard().value().equals("shard_a"));
        assertThat(new ChainAdmin(one).info("mainnet").shard()).isEqualTo("shard_a");
        Site idle = before.get("drain/d0");
        one.directory().write(h -> h.attach(AssignmentDao.class).unassign(idle.id().value()));
        // an old copy that follows its active copy elsewhere: inactive, still assigned
        Site standby = indexed(one, "drain/standby", 150, 8);
        Site activeElsewhere = new CopyAdmin(one).create("drain/standby", ShardName.of("shard_b"),
                io.graphstore.common.NodeId.DEFAULT, 0, CopyAdmin.OnSync.ACTIVATE,
                io.graphstore.store.copy.Transport.COPY);
        assertThat(new io.graphstore.store.copy.CopyRunner(one, activeElsewhere, () -> false, p -> { }).run())
                .isEqualTo(io.graphstore.store.copy.CopyRunner.Outcome.FINISHED);
        assertThat(one.directory().assignment(standby.id())).as("the old copy follows, assigned").isPresent();

        ShardedStore three = shards.open(shards.config(CHAINS + MoveTesting.rule("hrw", "shard_a", "shard_b",
                "shard_c")));
        MoveAdmin admin = new MoveAdmin(three);
        MoveAdmin.DrainPlan plan = admin.drainPlan("shard_a", List.of());
        assertThat(plan.moves()).hasSize(20).allMatch(m -> !m.to().value().equals("shard_a"));
        assertThat(plan.standby()).extracting(Site::id).containsExactly(standby.id());
        assertThat(plan.inFlight()).isEmpty();
        assertThat(plan.chains()).singleElement().satisfies(c -> assertThat(c.to()).isEqualTo(ShardName.PRIMARY));
        assertThat(count(shards, "primary", "select count(*) from public.shard_moves")).as("planning changes nothing")
                .isZero();

        List<String> events = new ArrayList<>();
        MoveAdmin.Drained drained = admin.drain(plan, 2, true, () -> false, new MoveAdmin.DrainListener() {
            @Override
            public void ended(ShardMove move, ShardMove.State state, String detail) {
                synchronized (events) {
                    events.add(state + " " + move.name() + " " + detail);
                }
            }
        });
        assertThat(drained.complete()).as(String.join("\n", events)).isTrue();
        assertThat(drained.moves().done()).isEqualTo(20);
        assertThat(count(shards, "primary", "select count(*) from public.shard_moves where state = 'done'"))
                .isEqualTo(20);
        assertThat(three.directory().cordons()).containsKey(ShardName.of("shard_a"));
        assertThat(new ChainAdmin(three).info("mainnet").shard()).isEqualTo("primary");

        CopyAdmin copies = new CopyAdmin(three);
        for (var e : before.entrySet()) {
            Site now = three.directory().resolveOne(e.getKey());
            assertThat(now.shard().value()).as(e.getKey()).isIn("shard_b", "shard_c");
            assertThat(copies.verify(now.namespace().value(), e.getValue().namespace().value()).identical())
                    .as(e.getKey()).isTrue();
            assertThat(three.directory().assignment(e.getValue().id())).as("the old copy is unassigned").isEmpty();
            assertThat(three.directory().assignment(now.id()).isPresent()).as(e.getKey() + " keeps its assignment")
                    .isEqualTo(!e.getKey().equals("drain/d0"));
        }

        ShardReferences refs = new ShardAdmin(three).references("shard_a");
        assertThat(refs.chains()).isEmpty();
        assertThat(refs.copies()).isEmpty();
        assertThat(refs.unused()).as("the replaced copies and the standby one, recorded as unused").hasSize(21);
        UnusedAdmin unused = new UnusedAdmin(three);
        assertThat(unused.removeIn(ShardName.of("shard_a"), Duration.ZERO, 100).removed()).hasSize(21);
        assertThat(three.directory().resolveOne("drain/standby").id()).isEqualTo(activeElsewhere.id());

        ShardedStore without = shards.open(shards.config("[chains]\n[chains.mainnet]\nshard = \"primary\"\n"
                + MoveTesting.rule("hrw", "shard_b", "shard_c")));
        ShardReferences after = new ShardAdmin(without).references("shard_a");
        assertThat(after.safeToRemove()).as(after.toString()).isTrue();
        assertThat(count(shards, "shard_a", "select count(*) from pg_namespace where nspname ~ '^(sgd|chain)[0-9]+$'"))
                .as("no deployment or chain namespace is left in shard_a").isZero();

        MoveAdmin.DrainPlan again = new MoveAdmin(without).drainPlan("shard_a", List.of());
        assertThat(again.moves()).isEmpty();
        assertThat(again.chains()).isEmpty();
        assertThat(new MoveAdmin(without).drain(again, 2, false, () -> false, new MoveAdmin.DrainListener() { })
                .complete()).isTrue();
        assertThat(count(shards, "primary", "select count(*) from public.shard_moves")).isEqualTo(20);
    }
}
