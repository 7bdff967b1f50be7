package io.graphstore.store.copy;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Site;
import io.graphstore.store.layout.Layout;
import java.util.Optional;

/** Brings a following site up to the head of the site it follows: one replay round. */
public final class Follower {
    private Follower() {
    }

    /** The block the follower reached, or empty when the site follows nothing. */
    public static Optional<Integer> followOnce(ShardedStore store, Site follower) {
        return io.graphstore.store.pool.LongStatements.allow(() -> followRound(store, follower));
    }

    private static Optional<Integer> followRound(ShardedStore store, Site follower) {
        var dest = store.require(follower.shard());
        Optional<CopyDao.Follow> follow = dest.jdbi().withExtension(CopyDao.class, d -> d.following(follower.id().value()));
        if (follow.isEmpty()) {
            return Optional.empty();
        }
        Site source = store.directory().site(DeploymentId.of(follow.get().src())).orElseThrow();
        Layout layout = store.deployments().data(source).layout();
        Replayer.Round round = dest.jdbi().inTransaction(h -> {
            SourceMapping.ensure(h, source, layout);
            return Replayer.round(h, follower, source, layout);
        });
        return Optional.of(round.toBlock());
    }
}
