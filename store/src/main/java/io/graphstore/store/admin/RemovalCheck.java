package io.graphstore.store.admin;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.copy.CopyDao;
import io.graphstore.store.copy.CopySlots;
import io.graphstore.store.domain.Site;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.pool.ShardUnavailableException;
import io.graphstore.store.primary.AssignmentDao;
import io.graphstore.store.primary.SubgraphDao;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Step 1 of removing an unused deployment, writing nothing: every reference to it in the
 * directory and in the shards of its other copies, and the verdict. Reads the primary and the
 * shards of the copies of the same hash (only they can copy from it or follow it).
 */
final class RemovalCheck {
    private final ShardedStore store;

    RemovalCheck(ShardedStore store) {
        this.store = store;
    }

    /** What the check found: the entity count, the copies whose rows may go, the sites that follow it (unassigned). */
    record Plan(Long entities, Set<Integer> deadCopies, Set<Integer> followers) {
    }

    private record CopyRow(int src, int dst, OffsetDateTime cancelledAt) {
    }

    /** A site's copy and follow state in its shard. */
    private record ShardState(Optional<CopyDao.State> copy, Optional<CopyDao.Follow> follows, Long entities) {
    }

    /** Checks every reference to {@code x}; throws {@link NotYet} naming the first that is still needed. */
    Plan check(Site x) {
        int id = x.id().value();
        List<CopyRow> copies = store.primary().withHandle(h -> {
            usedBy(h, x).ifPresent(why -> {
                throw new UnusedAdmin.NotYet(why);
            });
            return h.createQuery("select src, dst, cancelled_at from public.active_copies where src = :id or dst = :id")
                    .bind("id", id).map((rs, ctx) -> new CopyRow(rs.getInt("src"), rs.getInt("dst"),
                            rs.getObject("cancelled_at", OffsetDateTime.class))).list();
        });
        ShardState own;
        try {
            own = shardState(ownPool(x), id);
        } catch (ShardUnavailableException e) {
            throw new UnusedAdmin.NotYet("its shard cannot be reached: " + e.getMessage() + "; it is removed once the shard is back");
        }
        Set<Integer> dead = new HashSet<>();
        Set<Integer> followers = new HashSet<>();
        for (CopyRow r : copies.stream().filter(r -> r.dst() == id).toList()) {
            boolean cancelled = r.cancelledAt() != null || own.copy().map(s -> s.cancelledAt() != null).orElse(false);
            boolean finished = own.copy().map(s -> s.finishedAt() != null).orElse(false);
            if (own.copy().isPresent() && !finished && !cancelled) {
                throw new UnusedAdmin.NotYet("it is a copy of sgd" + r.src() + " that has not finished and was not cancelled; 'graphman"
                        + " copy cancel " + x.namespace() + "' to have it removed, or reassign it to finish it");
            }
            if (cancelled && !finished && CopySlots.running(store.primary(), id)) {
                throw new UnusedAdmin.NotYet("its copy was cancelled but a process still runs it; it goes once that stops after"
                        + " its current batch");
            }
            dead.add(id);
        }
        for (Site y : store.directory().sites(x.hash())) {
            if (y.id().equals(x.id())) {
                continue;
            }
            int yid = y.id().value();
            Optional<CopyRow> row = copies.stream().filter(r -> r.src() == id && r.dst() == yid).findFirst();
            Optional<String> node = store.directory().assignment(y.id()).map(AssignmentDao.Row::nodeId);
            ShardState ys;
            try {
                ys = shardState(store.pool(y.shard()).orElseThrow(() -> new UnusedAdmin.NotYet("shard '" + y.shard()
                        + "' of its other copy " + y.namespace() + " is not used by this process")), yid);
            } catch (ShardUnavailableException | UnusedAdmin.NotYet e) {
                if (row.isPresent() && row.get().cancelledAt() == null) {
                    throw new UnusedAdmin.NotYet("its copy " + y.namespace() + " in shard '" + y.shard() + "' cannot be checked: "
                            + e.getMessage() + "; it is checked again next time");
                }
                if (node.isPresent() && !y.active()) {
                    throw new UnusedAdmin.NotYet("its other copy " + y.namespace() + " is assigned to node " + node.get()
                            + " and may follow it, but cannot be checked: " + e.getMessage()
                            + "; it is checked again next time");
                }
                row.ifPresent(r -> dead.add(yid));
                continue;
            }
            Optional<CopyDao.State> copy = ys.copy().filter(s -> s.src() == id);
            if (copy.isPresent() && copy.get().finishedAt() == null) {
                boolean cancelled = copy.get().cancelledAt() != null || row.map(r -> r.cancelledAt() != null).orElse(false);
                if (!cancelled) {
                    throw new UnusedAdmin.NotYet("copy " + y.namespace() + " in shard '" + y.shard() + "' still reads from it (not"
                            + " finished, not cancelled); it goes once the copy finishes, or 'graphman copy cancel "
                            + y.namespace() + "'");
                }
                if (CopySlots.running(store.primary(), yid)) {
                    throw new UnusedAdmin.NotYet("copy " + y.namespace() + " in shard '" + y.shard() + "' from it was cancelled but"
                            + " a process still runs it; it goes once that stops after its current batch");
                }
            }
            if (ys.follows().filter(f -> f.src() == id).isPresent()) {
                if (node.isPresent() && !y.active()) {
                    throw new UnusedAdmin.NotYet(y.namespace() + " in shard '" + y.shard() + "' follows it and is assigned to node "
                            + node.get() + "; 'graphman unassign " + y.namespace() + "' (or activate it) first");
                }
                followers.add(yid);
            }
            row.ifPresent(r -> dead.add(yid));
        }
        return new Plan(own.entities(), dead, followers);
    }

    /** Why the directory still uses {@code x}: an assignment, or a current or pending version of its active copy. */
    static Optional<String> usedBy(Handle h, Site x) {
        Optional<AssignmentDao.Row> a = h.attach(AssignmentDao.class).byId(x.id().value());
        if (a.isPresent()) {
            return Optional.of("it is assigned to node " + a.get().nodeId() + " again; 'graphman unused record' forgets it");
        }
        boolean active = h.createQuery("select active from public.deployment_schemas where id = ?")
                .bind(0, x.id().value()).mapTo(Boolean.class).findOne().orElse(false);
        if (active) {
            Optional<SubgraphDao.VersionRef> v = h.attach(SubgraphDao.class).namesFor(x.hash().value()).stream().findFirst();
            if (v.isPresent()) {
                return Optional.of("it is the active copy of the " + v.get().status() + " version of '" + v.get().name()
                        + "' again; 'graphman unused record' forgets it");
            }
        }
        return Optional.empty();
    }

    private ShardState shardState(ShardPool pool, int id) {
        try {
            return pool.jdbi().withHandle(h -> {
                CopyDao dao = h.attach(CopyDao.class);
                Long entities = h.createQuery("select entity_count from subgraphs.head where id = ?").bind(0, id)
                        .mapTo(Long.class).findOne().orElse(null);
                return new ShardState(dao.state(id), dao.following(id), entities);
            });
        } catch (JdbiException e) {
            throw pool.translate(e);
        }
    }

    ShardPool ownPool(Site x) {
        return store.pool(x.shard()).orElseThrow(() -> new UnusedAdmin.NotYet("its shard '" + x.shard() + "' is not used by this"
                + " process (not configured, or pool_size 0 for this node); run the removal where it is"));
    }
}
