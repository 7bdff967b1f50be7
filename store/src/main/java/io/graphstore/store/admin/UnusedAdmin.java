package io.graphstore.store.admin;

import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Namespace;
import io.graphstore.store.domain.Site;
import io.graphstore.store.pool.Failures;
import io.graphstore.store.pool.LongStatements;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.pool.ShardUnavailableException;
import io.graphstore.store.primary.AssignmentDao;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Unused deployments: a site is unused when no node is assigned to it, it is not the active
 * copy of a current or pending version, and it is not the source of a copy in progress.
 * {@link #record} notes them (and forgets those used again); {@link #remove} removes those
 * recorded long enough ago, one at a time, each in this order:
 * <ol>
 * <li>check every reference to it, reading nothing but writing nothing: assignment, current
 *     or pending version, copies from or into it (in {@code active_copies} and in the copy
 *     and follow state of the other copies' shards); any that is still needed skips it, with
 *     the reason;
 * <li>one primary transaction: lock its directory row, check the directory again, delete the
 *     {@code active_copies} rows of finished or cancelled copies that name it, and mark it
 *     ({@code removal_started_at}). From here on nothing assigns, deploys, copies or activates
 *     it ({@link io.graphstore.store.primary.RemovalGuard}), and the next remove finishes it
 *     without checking again;
 * <li>one shard transaction: drop its namespace and shard metadata ({@code if exists}: a
 *     second run, or data already gone, changes nothing);
 * <li>one primary transaction: delete its directory row and set {@code removed_at}.
 * </ol>
 * Interrupted anywhere (even by kill -9), a deployment is either untouched (before 2), or
 * marked with its data present or gone, which the next remove finishes. One that cannot go
 * yet, or fails, does not stop the others. History stays in {@code unused_deployments}.
 */
public final class UnusedAdmin {
    /**
     * A row of {@code unused_deployments}. {@code entityCount}: for a removed (or being removed)
     * one the count when its removal began, otherwise the count in its shard now; null when
     * unknown (shard unreachable, or its data already gone).
     */
    public record Unused(int id, String deployment, String shard, String namespace, String network, Long entityCount,
            List<String> subgraphs, OffsetDateTime unusedAt, OffsetDateTime removalStartedAt, OffsetDateTime removedAt) {
        Unused withCount(Long count) {
            return new Unused(id, deployment, shard, namespace, network, count, subgraphs, unusedAt, removalStartedAt,
                    removedAt);
        }

        /** {@code sgd3 (QmAbc… in shard_a)} for messages. */
        public String describe() {
            return namespace + " (" + deployment + " in " + shard + ")";
        }
    }

    /**
     * A deployment {@link #remove} left in place, and why. Not {@code failed}: it cannot go yet
     * (something still uses it, or a shard it needs cannot be reached) and is tried again next
     * time. {@code failed}: an error that waiting will not cure by itself.
     */
    public record Skipped(Unused deployment, String reason, boolean failed) {
    }

    /** What {@link #remove} did: the deployments it removed and those it left, with the reason. */
    public record Removal(List<Unused> removed, List<Skipped> skipped) {
        public boolean anyFailed() {
            return skipped.stream().anyMatch(Skipped::failed);
        }
    }

    /** The points between (and inside) the steps of one removal, for tests that interrupt it there. */
    enum Step {
        /** every reference checked, nothing written yet */
        CHECKED,
        /** marked as being removed, blocking copy rows deleted (committed) */
        MARKED,
        /** inside the shard transaction, its data dropped but not committed */
        DROPPING_SHARD_DATA,
        /** its shard data gone (committed) */
        SHARD_DATA_DROPPED,
        /** inside the last primary transaction, its directory row deleted but not committed */
        DELETING_DIRECTORY_ROW
    }

    interface Steps {
        void reached(Step step, Unused deployment);
    }

    @RegisterConstructorMapper(Unused.class)
    interface Dao {
        @SqlQuery("""
                select id, deployment, shard, namespace, network, entity_count, coalesce(subgraphs, '{}') as subgraphs,
                       unused_at, removal_started_at, removed_at
                  from public.unused_deployments order by unused_at, id""")
        List<Unused> all();

        @SqlQuery("""
                select id, deployment, shard, namespace, network, entity_count, coalesce(subgraphs, '{}') as subgraphs,
                       unused_at, removal_started_at, removed_at
                  from public.unused_deployments where id = :id""")
        Optional<Unused> byId(@Bind("id") int id);
    }

    static final String UNUSED = """
            select ds.id from public.deployment_schemas ds
             where not exists (select 1 from subgraphs.subgraph_deployment_assignment a where a.id = ds.id)
               and not (ds.active and exists (select 1 from subgraphs.subgraph_version v
                          join subgraphs.subgraph s on s.current_version = v.id or s.pending_version = v.id
                         where v.deployment = ds.subgraph))
               and not exists (select 1 from public.active_copies ac where ac.src = ds.id and ac.cancelled_at is null)""";

    /** Advisory lock class (in the primary) of "this deployment is being removed", keyed by its id. */
    static final int REMOVE_KEY = 0x67730002;

    private final ShardedStore store;
    private final Steps steps;
    private final RemovalCheck checker;

    public UnusedAdmin(ShardedStore store) {
        this(store, (step, u) -> { });
    }

    UnusedAdmin(ShardedStore store, Steps steps) {
        this.store = store;
        this.steps = steps;
        this.checker = new RemovalCheck(store);
    }

    /** Records every unused site not recorded yet; forgets recorded ones that are used again. Returns the new ones. */
    public List<Unused> record() {
        List<Integer> fresh = store.directory().write(h -> {
            h.execute("delete from public.unused_deployments where removed_at is null and removal_started_at is null"
                    + " and id not in (" + UNUSED + ")");
            return h.createQuery("""
                    insert into public.unused_deployments (id, deployment, shard, namespace, network, subgraphs)
                    select ds.id, ds.subgraph, ds.shard, ds.name, ds.network,
                           (select array_agg(distinct s.name) from subgraphs.subgraph_version v
                              join subgraphs.subgraph s on s.id = v.subgraph where v.deployment = ds.subgraph)
                      from public.deployment_schemas ds
                     where ds.id in (""" + UNUSED + """
                    ) on conflict (id) do nothing
                    returning id""").mapTo(Integer.class).list();
        });
        return withCounts(rows().stream().filter(u -> fresh.contains(u.id())).toList());
    }

    /**
     * Recorded deployments; with {@code existingOnly}, only those not removed yet. The entity
     * count of one whose removal has not begun is read from its shard now (null when the shard
     * cannot be read).
     */
    public List<Unused> list(boolean existingOnly) {
        return withCounts(rows().stream().filter(u -> !existingOnly || u.removedAt() == null).toList());
    }

    private List<Unused> withCounts(List<Unused> rows) {
        Set<String> unreadable = new HashSet<>();
        return rows.stream().map(u -> u.removedAt() != null || u.removalStartedAt() != null ? u
                : u.withCount(liveCount(u, unreadable))).toList();
    }

    private List<Unused> rows() {
        return store.primary().withHandle(h -> h.attach(Dao.class).all());
    }

    private Long liveCount(Unused u, Set<String> unreadable) {
        Optional<ShardPool> pool = store.pool(ShardName.of(u.shard()));
        if (pool.isEmpty() || unreadable.contains(u.shard())) {
            return null;
        }
        try {
            return pool.get().jdbi().withHandle(h -> h.createQuery("select entity_count from subgraphs.head where id = ?")
                    .bind(0, u.id()).mapTo(Long.class).findOne()).orElse(null);
        } catch (ShardUnavailableException | JdbiException e) {
            unreadable.add(u.shard());
            return null;
        }
    }

    /**
     * Removes recorded deployments that have been unused for at least {@code olderThan}, at
     * most {@code count} of them, or only those of {@code hash} when given. Removals that began
     * earlier and were interrupted are finished first, whatever their age.
     */
    public Removal remove(Duration olderThan, int count, Optional<DeploymentHash> hash) {
        return LongStatements.allow(() -> removeUnused(olderThan, count,
                u -> hash.isEmpty() || hash.get().value().equals(u.deployment())));
    }

    /** Like {@link #remove}, for the recorded deployments in {@code shard} only (a drain empties it). */
    public Removal removeIn(ShardName shard, Duration olderThan, int count) {
        return LongStatements.allow(() -> removeUnused(olderThan, count, u -> shard.value().equals(u.shard())));
    }

    private Removal removeUnused(Duration olderThan, int count, java.util.function.Predicate<Unused> which) {
        OffsetDateTime cutoff = OffsetDateTime.now().minus(olderThan);
        List<Unused> candidates = rows().stream().filter(u -> u.removedAt() == null).filter(which)
                .filter(u -> u.removalStartedAt() != null || !u.unusedAt().isAfter(cutoff))
                .sorted(Comparator.comparing((Unused u) -> u.removalStartedAt() == null)).toList();
        List<Unused> removed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (candidates.isEmpty()) {
            return new Removal(removed, skipped);
        }
        try (Locks locks = new Locks()) {
            for (Unused u : candidates) {
                if (removed.size() >= count) {
                    break;
                }
                try {
                    removed.add(removeOne(u, locks));
                } catch (NotYet e) {
                    skipped.add(new Skipped(u, e.getMessage(), false));
                } catch (ShardUnavailableException e) {
                    skipped.add(new Skipped(u, "a shard it needs cannot be reached: " + e.getMessage()
                            + "; it is removed once the shard is back", false));
                } catch (Failed e) {
                    skipped.add(new Skipped(u, e.getMessage(), true));
                }
            }
        }
        return new Removal(removed, skipped);
    }

    private Unused removeOne(Unused recorded, Locks locks) {
        OffsetDateTime[] started = {recorded.removalStartedAt()};
        try {
            if (!locks.tryLock(recorded.id())) {
                throw new NotYet("another process is removing it right now");
            }
            try {
                // read again under the lock: another process may have begun or ended it since the list was read
                Unused u = store.primary().withHandle(h -> h.attach(Dao.class).byId(recorded.id())).orElseThrow(() -> new NotYet(
                        "it is used again, so 'graphman unused record' forgot it"));
                started[0] = u.removalStartedAt();
                if (u.removedAt() != null) {
                    throw new NotYet("another process removed it meanwhile");
                }
                return removeLocked(u, started);
            } finally {
                locks.unlock(recorded.id());
            }
        } catch (NotYet | ShardUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // a database error as one line (shard, server message, SQLSTATE, hint), else our own message
            String what = Failures.describe(e).orElseGet(() -> firstLine(e));
            throw new Failed(what + (started[0] == null ? "; nothing was changed, the next remove tries again"
                    : "; its removal has begun, and the next remove finishes it once that is fixed"));
        }
    }

    /** The steps of one removal; {@code started[0]} is set once it is marked. */
    private Unused removeLocked(Unused u, OffsetDateTime[] started) {
        Optional<Site> known = store.directory().site(DeploymentId.of(u.id()));
        if (known.isEmpty() && started[0] == null) {
            throw new NotYet("it is no longer in the directory; 'graphman unused record' forgets it");
        }
        // once marked, the row recorded when it became unused says where its data is
        Site site = known.orElseGet(() -> new Site(DeploymentId.of(u.id()), DeploymentHash.of(u.deployment()),
                Namespace.of(DeploymentId.of(u.id())), ShardName.of(u.shard()), u.network(), false, null));
        Long entities = u.entityCount();
        if (started[0] == null) {
            RemovalCheck.Plan plan = checker.check(site);
            steps.reached(Step.CHECKED, u);
            started[0] = mark(site, plan);
            entities = plan.entities();
            steps.reached(Step.MARKED, u);
        }
        checker.ownPool(site);
        store.deployments().drop(site, () -> steps.reached(Step.DROPPING_SHARD_DATA, u));
        steps.reached(Step.SHARD_DATA_DROPPED, u);
        OffsetDateTime removedAt = finish(site, u);
        return new Unused(u.id(), u.deployment(), u.shard(), u.namespace(), u.network(), entities, u.subgraphs(),
                u.unusedAt(), started[0], removedAt);
    }

    /**
     * Step 2: in one primary transaction, with its directory row locked, checks the directory
     * again, deletes the rows of dead copies that name it and marks it as being removed.
     */
    private OffsetDateTime mark(Site x, RemovalCheck.Plan plan) {
        int id = x.id().value();
        return store.directory().write(h -> {
            if (h.createQuery("select id from public.deployment_schemas where id = ? for update").bind(0, id)
                    .mapTo(Integer.class).findOne().isEmpty()) {
                throw new NotYet("it is no longer in the directory; 'graphman unused record' forgets it");
            }
            RemovalCheck.usedBy(h, x).ifPresent(why -> {
                throw new NotYet(why);
            });
            List<Integer> named = h.createQuery("select dst from public.active_copies where src = :id or dst = :id")
                    .bind("id", id).mapTo(Integer.class).list();
            for (int dst : named) {
                if (!plan.deadCopies().contains(dst)) {
                    throw new NotYet("copy sgd" + dst + " of it appeared while it was being checked; it is checked"
                            + " again next time");
                }
            }
            for (int f : plan.followers()) {
                h.attach(AssignmentDao.class).byId(f).ifPresent(a -> {
                    throw new NotYet("sgd" + f + " follows it and was assigned to node " + a.nodeId() + " while it was"
                            + " being checked; 'graphman unassign sgd" + f + "' first");
                });
            }
            h.createUpdate("delete from public.active_copies where src = :id or dst = :id").bind("id", id).execute();
            return h.createQuery("""
                    update public.unused_deployments set removal_started_at = now(), entity_count = :n
                     where id = :id returning removal_started_at""")
                    .bind("n", plan.entities()).bind("id", id).mapTo(OffsetDateTime.class).one();
        });
    }

    /** Step 4: deletes its directory row (and cancelled copy rows left from it) and records it removed. */
    private OffsetDateTime finish(Site x, Unused u) {
        int id = x.id().value();
        return store.directory().write(h -> {
            h.createQuery("select id from public.deployment_schemas where id = ? for update").bind(0, id)
                    .mapTo(Integer.class).findOne();
            h.execute("delete from public.active_copies where src = ? and cancelled_at is not null", id);
            List<Integer> left = h.createQuery("select dst from public.active_copies where src = ? order by dst")
                    .bind(0, id).mapTo(Integer.class).list();
            if (!left.isEmpty()) {
                throw new StoreException("copy sgd" + left.get(0) + " of it was created after its removal began, and"
                        + " its data is gone; 'graphman copy cancel sgd" + left.get(0) + "', then 'graphman unused"
                        + " remove' again");
            }
            h.execute("delete from public.deployment_schemas where id = ?", id);
            steps.reached(Step.DELETING_DIRECTORY_ROW, u);
            return h.createQuery("update public.unused_deployments set removed_at = coalesce(removed_at, now())"
                    + " where id = ? returning removed_at").bind(0, id).mapTo(OffsetDateTime.class).one();
        });
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A removal that failed for another reason than {@link NotYet}; the message says what and what now. */
    private static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** Why a deployment cannot go now; it is tried again next time. */
    static final class NotYet extends RuntimeException {
        NotYet(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Per-deployment advisory locks in one session of the primary's, so two processes (a node's
     * reaper and a 'graphman unused remove') never remove the same deployment at once. A process
     * that dies frees its locks with its session.
     */
    private final class Locks implements AutoCloseable {
        private Connection connection;

        boolean tryLock(int id) {
            return call("select pg_try_advisory_lock(?, ?)", id);
        }

        void unlock(int id) {
            try {
                call("select pg_advisory_unlock(?, ?)", id);
            } catch (RuntimeException e) {
                // the lock goes with the session at close
            }
        }

        private boolean call(String sql, int id) {
            try {
                if (connection == null) {
                    connection = store.primary().openDirect(Duration.ZERO, "graph-store unused remove");
                }
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    ps.setInt(1, REMOVE_KEY);
                    ps.setInt(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getBoolean(1);
                    }
                }
            } catch (SQLException e) {
                throw store.primary().unavailable(e);
            }
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // closing the session releases the locks anyway
                }
            }
        }
    }
}
