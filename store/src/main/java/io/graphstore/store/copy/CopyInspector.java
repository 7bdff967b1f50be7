package io.graphstore.store.copy;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Namespace;
import io.graphstore.store.domain.Site;
import io.graphstore.store.internal.FanOut;
import io.graphstore.store.pool.ShardPool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads copy state from every reachable destination shard; read-only. */
public final class CopyInspector {
    private final ShardedStore store;
    private final List<String> unreachable = new ArrayList<>();

    /** Shards the last {@link #all()} could not read (their copies are missing from it). */
    public List<String> unreachable() {
        return List.copyOf(unreachable);
    }

    public CopyInspector(ShardedStore store) {
        this.store = store;
    }

    /** A copy still to run (queued, copying or catching up) and its source, as its shard records them. */
    public record Runnable(Site dst, DeploymentId src) {
    }

    /**
     * The copies still to run, in every reachable shard with a pool here: one query per shard
     * and a directory lookup (cached in a node) per copy, so a node can look for work often.
     */
    public List<Runnable> runnable() {
        List<Runnable> result = new ArrayList<>();
        for (ShardName shard : store.shards()) {
            Optional<ShardPool> pool = store.pool(shard);
            if (pool.isEmpty()) {
                continue;
            }
            List<int[]> rows;
            try {
                rows = pool.get().withHandle(h -> h.createQuery("select dst, src from subgraphs.copy_state"
                        + " where state in ('queued', 'copying', 'catching_up') order by dst")
                        .map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2)}).list());
            } catch (RuntimeException e) {
                unreachable.add(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                continue;
            }
            for (int[] row : rows) {
                store.directory().site(DeploymentId.of(row[0]))
                        .ifPresent(site -> result.add(new Runnable(site, DeploymentId.of(row[1]))));
            }
        }
        return result;
    }

    /**
     * Every copy, from the shards that hold a site: a copy's state lives in its destination's
     * shard, beside the destination site, so a shard without sites has none. The shards are
     * read a few at a time ({@link FanOut}).
     */
    public List<CopyInfo> all() {
        Set<ShardName> holding = store.directory().allSites().stream().map(Site::shard).collect(Collectors.toSet());
        List<ShardPool> pools = store.shards().stream().filter(holding::contains).map(store::require).toList();
        List<CopyInfo> copies = new ArrayList<>();
        for (InShard read : FanOut.map(pools, this::copiesIn)) {
            copies.addAll(read.copies());
            read.problem().ifPresent(unreachable::add);
        }
        copies.sort(Comparator.comparing(c -> c.dst().id()));
        return copies;
    }

    /** The copies one shard holds, or why it could not be read. */
    private record InShard(List<CopyInfo> copies, Optional<String> problem) {
    }

    private InShard copiesIn(ShardPool pool) {
        List<Integer> dsts;
        try {
            dsts = pool.jdbi().withHandle(h -> h.createQuery("select dst from subgraphs.copy_state order by dst")
                    .mapTo(Integer.class).list());
        } catch (io.graphstore.store.pool.ShardUnavailableException e) {
            return new InShard(List.of(), Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            return new InShard(List.of(), Optional.of("shard '" + pool.shard() + "' could not be read (" + String.valueOf(
                    e.getMessage()).lines().findFirst().orElse("") + "); run 'graphman database migrate' when it is reachable"));
        }
        List<CopyInfo> copies = new ArrayList<>();
        for (int dst : dsts) {
            store.directory().site(DeploymentId.of(dst)).ifPresent(site -> copies.add(of(site)));
        }
        return new InShard(copies, Optional.empty());
    }

    /** What a copy still to run that nobody runs now waits for. */
    private String waitingFor(Site dst, Site src, boolean srcRemoved, boolean primaryUp, Optional<String> node) {
        if (srcRemoved) {
            return "its source " + src.namespace() + " was removed, so it cannot finish; 'graphman copy cancel "
                    + dst.namespace() + "'";
        }
        if (!primaryUp) {
            return "the primary is unreachable, and copies run under locks there; it goes on once the primary is back";
        }
        int taken;
        try {
            taken = CopySlots.taken(store.primary(), src.shard(), dst.shard());
        } catch (io.graphstore.store.pool.ShardUnavailableException e) {
            return "the primary is unreachable, and copies run under locks there; it goes on once the primary is back";
        }
        if (taken >= CopySlots.SLOTS) {
            return CopySlots.SLOTS + " copies from " + src.shard() + " to " + dst.shard()
                    + " run already; it starts when a slot is free";
        }
        return node.map(n -> "waiting for node " + n + " to run it ('graphman node --node-id " + n
                + "', or 'graphman copy run " + dst.namespace() + "')")
                .orElse("no node is assigned to it; 'graphman reassign " + dst.namespace()
                        + " NODE', or 'graphman copy run " + dst.namespace() + "'");
    }

    private boolean runningNow(Site dst) {
        try {
            return CopySlots.running(store.primary(), dst.id().value());
        } catch (io.graphstore.store.pool.ShardUnavailableException e) {
            return false;
        }
    }

    /** The versions a copy has to copy over all its tables, as counted when it was prepared. */
    public static long rowsTotal(List<CopyDao.TableState> tables) {
        return tables.stream().mapToLong(CopyDao.TableState::rowsExpected).sum();
    }

    /** The versions a copy has copied so far over all its tables. */
    public static long rowsDone(List<CopyDao.TableState> tables) {
        return tables.stream().mapToLong(CopyDao.TableState::rowsDone).sum();
    }

    public CopyInfo of(Site dst) {
        ShardPool pool = store.require(dst.shard());
        CopyDao.State s = pool.jdbi().withExtension(CopyDao.class, d -> d.state(dst.id().value()))
                .orElseThrow(() -> new io.graphstore.common.BadInputException(dst.describe()
                        + " is not a copy; see 'graphman copy list'"));
        List<CopyDao.TableState> tables = pool.jdbi().withExtension(CopyDao.class, d -> d.tables(dst.id().value()));
        Optional<Site> known = store.directory().site(DeploymentId.of(s.src()));
        // a finished copy outlives its source when the source was replaced and removed as unused:
        // what the copy recorded of it (id, shard) is all that is left, and enough to show it
        Site src = known.orElseGet(() -> new Site(DeploymentId.of(s.src()), dst.hash(), Namespace.of(DeploymentId.of(s.src())),
                ShardName.of(s.srcShard()), dst.network(), false, null));
        boolean srcRemoved = known.isEmpty();
        long total = rowsTotal(tables);
        long done = rowsDone(tables);
        double percent = total == 0 ? 100 : Math.round(1000.0 * done / total) / 10.0;
        // copies run under locks in the primary: with the primary down, none can run
        boolean running = runningNow(dst);
        boolean primaryUp = !store.primary().breaker().isOpen();
        Optional<String> node = store.directory().assignment(dst.id()).map(io.graphstore.store.primary.AssignmentDao.Row::nodeId);
        CopyState stored = s.copyState();
        String state = switch (stored) {
            case CANCELLED -> running ? "cancel requested" : "cancelled";
            case FINISHED -> !dst.active() && node.isPresent() ? "following" : "finished";
            default -> stored.label();
        };
        Optional<String> why = Optional.empty();
        if (stored.runnable() && !running) {
            why = Optional.of(waitingFor(dst, src, srcRemoved, primaryUp, node));
        }
        return new CopyInfo(dst, src, state, stored, running, percent, s.targetBlockNumber(), Optional.ofNullable(s.onSync()),
                node, s.transport(), s.queuedAt(), Optional.ofNullable(s.startedAt()),
                Optional.ofNullable(s.finishedAt()), Optional.ofNullable(s.cancelledAt()), why, tables, srcRemoved);
    }
}
