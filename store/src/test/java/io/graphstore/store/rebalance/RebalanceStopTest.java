package io.graphstore.store.rebalance;

import static io.graphstore.store.rebalance.MoveTesting.count;
import static io.graphstore.store.rebalance.MoveTesting.indexed;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.MoveAdmin;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * '--stop' ends the moves that have not started and creates no copy; an apply stopped by its
 * process after one move continues the open ones on the next apply, and plans nothing new
 * until they have ended.
 */
@MultiShard({"primary", "shard_a", "shard_b"})
class RebalanceStopTest {

    @Test
    void stopEndsUnstartedMovesAndAStoppedApplyContinues(TestShards shards) {
        ShardedStore one = shards.open(shards.config(MoveTesting.rule("least_used", "shard_a")));
        for (int i = 0; i < 6; i++) {
            indexed(one, "stop/d" + i, 300 + i, 3);
        }
        ShardedStore store = shards.open(shards.config(MoveTesting.rule("least_used", "shard_a", "shard_b")));
        MoveAdmin admin = new MoveAdmin(store);

        MoveAdmin.Applied queued = admin.queueRebalance(10, 1000, RebalancePlanner.By.COUNT);
        assertThat(queued.moves()).hasSize(3).allMatch(m -> m.state() == ShardMove.State.PLANNED);
        List<ShardMove> stopped = admin.stopRebalance();
        assertThat(stopped).hasSize(3);
        assertThat(admin.log().latest(ShardMove.Kind.REBALANCE, Optional.empty()))
                .allMatch(m -> m.state() == ShardMove.State.STOPPED);
        assertThat(count(shards, "primary", "select count(*) from public.deployment_schemas where shard = 'shard_b'"))
                .as("no copy was created").isZero();

        AtomicBoolean oneDone = new AtomicBoolean();
        MoveDriver.Summary first = admin.applyRebalance(10, 1000, RebalancePlanner.By.COUNT, 1, oneDone::get,
                new MoveAdmin.ApplyListener() {
                    @Override
                    public void ended(ShardMove move, ShardMove.State state, String detail) {
                        if (state == ShardMove.State.DONE) {
                            oneDone.set(true);
                        }
                    }
                });
        assertThat(first.done()).isEqualTo(1);
        assertThat(first.left()).isEqualTo(2);

        MoveAdmin.Applied[] again = {null};
        MoveDriver.Summary second = admin.applyRebalance(10, 1000, RebalancePlanner.By.COUNT, 2, () -> false,
                new MoveAdmin.ApplyListener() {
                    @Override
                    public void queued(MoveAdmin.Applied applied) {
                        again[0] = applied;
                    }
                });
        assertThat(again[0].resumed()).isTrue();
        assertThat(second.done()).isEqualTo(2);
        assertThat(count(shards, "primary", "select count(*) from public.deployment_schemas where shard = 'shard_b'"
                + " and active")).isEqualTo(3);
        assertThat(count(shards, "primary", "select count(*) from public.shard_moves where state in ('planned',"
                + " 'copying', 'failed')")).isZero();
    }
}
