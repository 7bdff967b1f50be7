package io.graphstore.store.copy;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Site;
import io.graphstore.store.layout.Layout;
import java.util.Optional;

/**
 * Brings a following site up to the head of the site it follows: one replay round. Only a
 * site that is not a copy in progress follows (a queued, copying or catching-up copy is
 * brought up to date by its own runner, and a cancelled one by nobody), and only while it
 * holds the site's run lock in the primary, so a round never overlaps a copy runner or
 * another node's round. Lock order as everywhere: the run lock, then the shard transaction.
 */
public final class Follower {
    private Follower() {
    }

    /** The block the follower reached, or empty when the site follows nothing now. */
    public static Optional<Integer> followOnce(ShardedStore store, Site follower) {
        return io.graphstore.store.pool.LongStatements.allow(() -> followRound(store, follower));
    }

    private static Optional<Integer> followRound(ShardedStore store, Site follower) {
        var dest = store.require(follower.shard());
        int id = follower.id().value();
        Optional<CopyDao.State> copy = dest.jdbi().withExtension(CopyDao.class, d -> d.state(id));
        if (copy.isPresent() && copy.get().copyState() != CopyState.FINISHED) {
            return Optional.empty();
        }
        Optional<CopyDao.Follow> follow = dest.jdbi().withExtension(CopyDao.class, d -> d.following(id));
        if (follow.isEmpty()) {
            return Optional.empty();
        }
        int srcId = follow.get().src();
        Site source = store.directory().site(DeploymentId.of(srcId)).orElseThrow(() ->
                new io.graphstore.common.StoreException(follower.describe() + " follows sgd" + srcId
                        + ", which no longer exists; activate it ('graphman copy activate') or unassign it"));
        Layout layout = store.deployments().data(source).layout();
        return store.primary().jdbi().inTransaction(p -> {
            boolean locked = p.createQuery("select pg_try_advisory_xact_lock(:key, :id)")
                    .bind("key", CopySlots.RUN_KEY).bind("id", id).mapTo(Boolean.class).one();
            if (!locked) {
                return Optional.<Integer>empty(); // someone else runs or follows it right now
            }
            Replayer.Round round = dest.jdbi().inTransaction(h -> {
                SourceMapping.ensure(h, source, layout);
                return Replayer.round(h, follower, source, layout);
            });
            return Optional.of(round.toBlock());
        });
    }
}
