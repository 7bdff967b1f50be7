package io.graphstore.store.copy;

import io.graphstore.common.BadInputException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.Site;
import io.graphstore.store.fdw.MappedTables;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.layout.Layout;
import io.graphstore.store.primary.AssignmentDao;
import io.graphstore.store.primary.RemovalGuard;
import org.jdbi.v3.core.Handle;

/**
 * Makes a copy the active one without losing a write. The old active site's head row stays
 * locked (writers wait) while the new site replays the last blocks, becomes writable, and the
 * old site becomes a follower of the new one; then the primary flips the active flags in one
 * transaction. A write that waited fails afterwards with an error naming the new active copy
 * (its writer resolves the active site again). Interrupted half-way, writes fail rather than
 * diverge, and running the activation again completes it.
 */
public final class Activator {
    private Activator() {
    }

    /** Activates {@code next}; with {@code replace} the old active site is also unassigned. */
    public static void activate(ShardedStore store, Site next, boolean replace) {
        Site current = store.directory().activeSite(next.hash()).orElseThrow(() -> new BadInputException(
                "deployment " + next.hash() + " has no active copy; nothing to switch from"));
        Layout layout = store.deployments().data(next).layout();
        if (current.equals(next)) {
            finishFlags(store, current, next, replace);
            return;
        }
        try (Handle old = store.require(current.shard()).jdbi().open()) {
            old.begin();
            old.createQuery("select id from subgraphs.head where id = ? for update").bind(0, current.id().value())
                    .mapTo(Integer.class).one();
            store.require(next.shard()).jdbi().useTransaction(h -> {
                SourceMapping.ensure(h, current, layout);
                h.attach(CopyDao.class).follow(next.id().value(), current.id().value(), current.shard().value(),
                        h.attach(CopyDao.class).following(next.id().value()).map(CopyDao.Follow::revertSeq).orElse(0L));
                Replayer.round(h, next, current, layout);
                h.attach(CopyDao.class).unfollow(next.id().value());
                SourceMapping.advanceVidSequences(h, next, layout);
            });
            long seq = old.createQuery("select coalesce(max(seq), 0) from "
                    + Sql.qualified(MappedTables.shardSchema(next.shard()), "revert_log") + " where deployment = ?")
                    .bind(0, next.id().value()).mapTo(Long.class).one();
            old.attach(CopyDao.class).follow(current.id().value(), next.id().value(), next.shard().value(), seq);
            old.commit();
        }
        finishFlags(store, current, next, replace);
    }

    private static void finishFlags(ShardedStore store, Site current, Site next, boolean replace) {
        store.directory().write(h -> {
            RemovalGuard.requireNotBeingRemoved(h, next);
            h.createUpdate("update public.deployment_schemas set active = false where subgraph = :hash and id <> :id")
                    .bind("hash", next.hash().value()).bind("id", next.id().value()).execute();
            h.createUpdate("update public.deployment_schemas set active = true where id = :id")
                    .bind("id", next.id().value()).execute();
            if (replace && !current.equals(next)) {
                h.attach(AssignmentDao.class).unassign(current.id().value());
            }
            return null;
        });
    }
}
