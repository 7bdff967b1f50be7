package io.graphstore.store.admin;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.DeploymentRule;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.Site;
import io.graphstore.store.placement.Placement;
import io.graphstore.store.primary.ChainDao;
import io.graphstore.store.primary.ChainMoveDao;
import io.graphstore.store.chain.ChainMove;
import io.graphstore.store.chain.ChainMover;
import io.graphstore.store.rebalance.Move;
import io.graphstore.store.rebalance.MoveDriver;
import io.graphstore.store.rebalance.MoveLog;
import io.graphstore.store.rebalance.Plan;
import io.graphstore.store.rebalance.RebalancePlanner;
import io.graphstore.store.rebalance.ShardMove;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Queues the moves of {@code graphman shard drain} and {@code shard rebalance --apply} in the
 * primary ({@link MoveLog}), stops them, and plans a drain. Driving the moves is
 * {@link io.graphstore.store.rebalance.MoveDriver}'s work.
 */
public final class MoveAdmin {
    private final ShardedStore store;
    private final ShardAdmin shards;
    private final MoveLog log;

    public MoveAdmin(ShardedStore store) {
        this.store = store;
        this.shards = new ShardAdmin(store);
        this.log = new MoveLog(store.directory());
    }

    public MoveLog log() {
        return log;
    }

    /** A chain whose block data a drain moves. */
    public record ChainTarget(String chain, ShardName from, ShardName to, boolean resumed) {
    }

    /**
     * What a drain of {@code shard} does: the moves it queues (and the open ones it continues),
     * the chains it moves, the inactive copies it records as unused, the inactive copies still
     * assigned (an old copy that follows the active one elsewhere, a finished copy never
     * activated) that it unassigns first, and the copies into the shard under way that it leaves
     * alone.
     */
    public record DrainPlan(ShardName shard, List<MoveLog.Queued> moves, List<ShardMove> resumed,
            List<ChainTarget> chains, List<Site> unused, List<Site> standby, List<String> inFlight,
            ShardAdmin.Sizes sizes) {
        public long bytes() {
            return moves.stream().mapToLong(MoveLog.Queued::bytes).sum()
                    + resumed.stream().mapToLong(ShardMove::bytes).sum();
        }

        public Optional<Duration> estimate() {
            return sizes.estimate(bytes());
        }
    }

    /**
     * Plans the drain of {@code name} into the shards the rules pick now, or among {@code to};
     * changes nothing. Bad input: an unknown shard, the primary (it holds the directory),
     * {@code --to} naming the drained shard, an unknown or cordoned one; and deployments whose
     * rule names no other shard, listed by name, when no {@code --to} is given.
     */
    public DrainPlan drainPlan(String name, List<String> to) {
        ShardName shard = shards.configured(name);
        if (shard.isPrimary()) {
            throw new BadInputException("shard 'primary' holds the directory and cannot be drained; move single"
                    + " deployments off it with 'graphman copy create --replace', or drain another shard");
        }
        Set<ShardName> cordoned = store.directory().cordons().keySet();
        Set<ShardName> targets = new LinkedHashSet<>();
        for (String t : to) {
            ShardName target = shards.configured(t);
            if (target.equals(shard)) {
                throw new BadInputException("--to " + Echo.quoted(t) + " is the shard being drained; name the shards"
                        + " its deployments should go to");
            }
            if (cordoned.contains(target)) {
                throw new BadInputException("--to " + Echo.quoted(t) + " is cordoned, so it takes no deployments;"
                        + " uncordon it ('graphman shard uncordon " + Echo.shown(t) + "') or name another shard");
            }
            targets.add(target);
        }
        ShardAdmin.Sizes sizes = shards.sizes();
        Map<String, String> names = shards.names();
        Map<Integer, String> assigned = shards.assignedNodes();
        List<Site> sites = store.directory().allSites();
        Map<String, ShardMove> open = new HashMap<>();
        log.allOpen().forEach(m -> open.put(m.deployment().value(), m));
        Map<String, Long> load = new HashMap<>();
        store.directory().assignedPerShard().forEach((s, n) -> load.put(s.value(), n));
        Map<String, String> skipped = new LinkedHashMap<>();
        cordoned.forEach(c -> skipped.put(c.value(), "is cordoned"));
        skipped.put(shard.value(), "is being drained");

        List<MoveLog.Queued> moves = new ArrayList<>();
        List<ShardMove> resumed = new ArrayList<>();
        List<Site> unused = new ArrayList<>();
        List<Site> standby = new ArrayList<>();
        List<String> inFlight = new ArrayList<>();
        Set<Integer> copying = new java.util.HashSet<>(store.directory().readPrimary(h -> h.createQuery(
                "select dst from public.active_copies where cancelled_at is null").mapTo(Integer.class).list()));
        List<String> needTo = new ArrayList<>();
        for (Site site : sites) {
            if (!site.shard().equals(shard)) {
                continue;
            }
            if (!site.active()) {
                if (copying.contains(site.id().value())) {
                    inFlight.add(site.describe());
                } else if (assigned.containsKey(site.id().value())) {
                    standby.add(site);
                } else {
                    unused.add(site);
                }
                continue;
            }
            ShardMove under = open.get(site.hash().value());
            if (under != null) {
                resumed.add(under);
                continue;
            }
            String key = names.getOrDefault(site.hash().value(), site.hash().value());
            DeploymentRule rule = store.config().ruleFor(key, site.network());
            List<String> candidates = (targets.isEmpty() ? rule.shards() : targets).stream().map(ShardName::value)
                    .toList();
            Map<String, String> skip = new LinkedHashMap<>(skipped);
            sites.stream().filter(s -> s.hash().equals(site.hash()) && !s.equals(site))
                    .forEach(s -> skip.putIfAbsent(s.shard().value(), "holds a copy already (" + s.namespace() + ")"));
            Optional<io.graphstore.store.placement.Choice> choice = candidates.isEmpty() ? Optional.empty()
                    : Placement.choose(rule.strategy(), key, candidates, load, skip);
            if (choice.isEmpty()) {
                needTo.add(site.namespace() + " '" + key + "'");
                continue;
            }
            String target = choice.get().winner();
            load.merge(target, 1L, Long::sum);
            String node = assigned.get(site.id().value());
            boolean unassignAfter = node == null;
            moves.add(new MoveLog.Queued(site.hash(), key, site.id().value(), shard, ShardName.of(target),
                    node != null ? node : nodeFor(rule), unassignAfter, sizes.of(site),
                    "drain " + shard + ": " + choice.get().reason()));
        }
        if (!needTo.isEmpty()) {
            throw new BadInputException(needTo.size() + " deployment(s) in shard '" + shard + "' have no other shard in"
                    + " their deployment rule: " + String.join(", ", needTo.subList(0, Math.min(10, needTo.size())))
                    + (needTo.size() > 10 ? ", …" : "") + "; give --to SHARD to say where they go (nothing was moved)");
        }
        return new DrainPlan(shard, moves, resumed, chains(shard, targets, cordoned), unused, standby, inFlight,
                sizes);
    }

    /** The node a deployment nobody indexes gets its copy run by: its rule's first indexer, else any known node. */
    private String nodeFor(DeploymentRule rule) {
        if (!rule.indexers().isEmpty()) {
            return rule.indexers().get(0).value();
        }
        Set<String> known = new TreeSet<>();
        store.config().rules().forEach(r -> r.indexers().forEach(n -> known.add(n.value())));
        store.directory().assignedPerNode().keySet().forEach(n -> known.add(n.value()));
        return known.stream().findFirst().orElse(NodeId.DEFAULT.value());
    }

    /**
     * The chains stored in {@code shard} and where they go: where a move under way already
     * takes them, else the first {@code --to}, else the primary (where graph-node keeps chains)
     * unless it is cordoned, else the first shard that is not.
     */
    private List<ChainTarget> chains(ShardName shard, Set<ShardName> targets, Set<ShardName> cordoned) {
        List<ChainTarget> chains = new ArrayList<>();
        for (ChainDao.Chain c : store.directory().chains()) {
            Optional<ChainMoveDao.Move> under = store.directory().readPrimary(h -> h.attach(ChainMoveDao.class)
                    .byChain(c.id()));
            if (under.isPresent() && under.get().srcShard().equals(shard.value())) {
                chains.add(new ChainTarget(c.name(), shard, ShardName.of(under.get().dstShard()), true));
                continue;
            }
            if (!c.shard().equals(shard.value())) {
                continue;
            }
            ShardName to = targets.stream().findFirst().orElseGet(() -> store.shards().stream()
                    .filter(s -> !s.equals(shard) && !cordoned.contains(s))
                    .min((a, b) -> Boolean.compare(!a.isPrimary(), !b.isPrimary()))
                    .orElseThrow(() -> new BadInputException("chain '" + c.name() + "' is stored in shard '" + shard
                            + "' and every other shard is cordoned; uncordon one or give --to SHARD")));
            chains.add(new ChainTarget(c.name(), shard, to, false));
        }
        return chains;
    }

    /**
     * Cordons the drained shard and queues the plan's moves; returns every open move out of the
     * shard (those queued now and those an earlier run left), oldest first.
     */
    public List<ShardMove> queueDrain(DrainPlan plan) {
        shards.cordon(plan.shard().value(), "draining ('graphman shard drain " + plan.shard() + "')");
        if (!plan.moves().isEmpty()) {
            log.queue(ShardMove.Kind.DRAIN, Optional.of(plan.shard()), plan.moves());
        }
        return log.allOpen().stream().filter(m -> m.from().equals(plan.shard())).toList();
    }

    /**
     * What {@code rebalance --apply} drives: the moves, and the plan they were queued from, or
     * no plan when they are the open moves of an earlier apply.
     */
    public record Applied(List<ShardMove> moves, Optional<Plan> plan) {
        public boolean resumed() {
            return plan.isEmpty();
        }
    }

    /**
     * Queues the rebalance plan's moves, unless moves of an earlier apply are still open: then
     * those are continued and nothing new is planned (a plan made while moves are under way
     * would count their deployments where they were).
     */
    public Applied queueRebalance(double thresholdPercent, int maxMoves, RebalancePlanner.By by) {
        List<ShardMove> open = log.open(ShardMove.Kind.REBALANCE, Optional.empty());
        if (!open.isEmpty()) {
            return new Applied(open, Optional.empty());
        }
        Plan plan = shards.plan(thresholdPercent, maxMoves, by);
        Map<Integer, String> assigned = shards.assignedNodes();
        Set<String> busy = new TreeSet<>();
        log.allOpen().forEach(m -> busy.add(m.deployment().value()));
        List<MoveLog.Queued> queued = new ArrayList<>();
        for (Move m : plan.moves()) {
            Site site = m.deployment().site();
            if (busy.contains(site.hash().value()) || !assigned.containsKey(site.id().value())) {
                continue;
            }
            queued.add(new MoveLog.Queued(site.hash(), m.deployment().name(), site.id().value(), m.from(), m.to(),
                    assigned.get(site.id().value()), false, m.deployment().bytes(), m.why()));
        }
        List<ShardMove> moves = queued.isEmpty() ? List.of()
                : log.queue(ShardMove.Kind.REBALANCE, Optional.empty(), queued).stream()
                        .filter(mv -> mv.state().open()).toList();
        return new Applied(moves, Optional.of(plan));
    }

    /**
     * {@code rebalance --stop}: ends the rebalance moves that have not started (no copy yet), and
     * cancels the copies of those whose copy still waits in the queue. Copies already copying
     * run on. Returns the moves it stopped.
     */
    public List<ShardMove> stopRebalance() {
        List<ShardMove> stopped = new ArrayList<>(log.stopUnstarted(ShardMove.Kind.REBALANCE,
                "stopped by 'graphman shard rebalance --stop'"));
        CopyAdmin copies = new CopyAdmin(store);
        for (ShardMove m : log.open(ShardMove.Kind.REBALANCE, Optional.empty())) {
            if (m.dst().isEmpty()) {
                continue;
            }
            Optional<Site> dst = store.directory().site(io.graphstore.store.domain.DeploymentId.of(m.dst().get()));
            if (dst.isEmpty()) {
                continue;
            }
            var info = copies.status(dst.get().namespace().value());
            if ("queued".equals(info.state())) {
                copies.cancel(dst.get().namespace().value());
                if (log.stopped(m.id(), "stopped by 'graphman shard rebalance --stop' before its copy started; the copy"
                        + " " + dst.get().namespace() + " was cancelled")) {
                    stopped.add(log.byId(m.id()).orElse(m));
                }
            }
        }
        return stopped;
    }

    /** What a drain tells beyond its moves. */
    public interface DrainListener extends MoveDriver.Listener {
        default void queued(List<ShardMove> moves) {
        }

        default void chainMoving(ChainTarget chain) {
        }

        default void chainMoved(ChainTarget chain, ChainMove result) {
        }

        default void removed(UnusedAdmin.Unused deployment) {
        }
    }

    /**
     * How a drain ended: its moves, the chains, and the old copies it removed. {@code complete}
     * when every move is done and every chain moved; the shard may still hold old copies when
     * {@code --keep-unused} was given or their removal failed (see {@code removal}).
     */
    public record Drained(ShardName shard, MoveDriver.Summary moves, List<ChainMove> chains,
            Optional<UnusedAdmin.Removal> removal, boolean complete) {
    }

    /**
     * Drains the shard as {@code plan} says: takes the driver lock, cordons the shard, queues the
     * moves, unassigns its standby copies, records its inactive copies as unused, drives the moves, moves the chains, records
     * the replaced copies as unused and, unless {@code keepUnused}, removes the unused copies in
     * the shard right away (a drained shard is on its way out; the reaper's wait protects
     * deployments that may come back, these will not). Stopped midway, it leaves everything to
     * the next run.
     */
    public Drained drain(DrainPlan plan, int jobs, boolean keepUnused, BooleanSupplier stop, DrainListener listener) {
        try (MoveDriver.Lock lock = MoveDriver.tryLock(store, "shard drain " + plan.shard())) {
            List<ShardMove> moves = queueDrain(plan);
            listener.queued(moves);
            if (!plan.standby().isEmpty()) {
                store.directory().write(h -> {
                    plan.standby().forEach(s -> h.attach(io.graphstore.store.primary.AssignmentDao.class)
                            .unassign(s.id().value()));
                    return null;
                });
            }
            UnusedAdmin unused = new UnusedAdmin(store);
            unused.record();
            MoveDriver.Summary summary = new MoveDriver(store, stop, listener).drive(moves, jobs);
            List<ChainMove> chains = new ArrayList<>();
            boolean chainsMoved = true;
            for (ChainTarget c : plan.chains()) {
                if (stop.getAsBoolean()) {
                    chainsMoved = false;
                    break;
                }
                listener.chainMoving(c);
                ChainMove moved = new ChainAdmin(store).changeShard(c.chain(), c.to(), ChainMover.DEFAULT_BATCH)
                        .run(stop, p -> { });
                listener.chainMoved(c, moved);
                chains.add(moved);
                chainsMoved &= moved.outcome() == ChainMove.Outcome.MOVED;
            }
            boolean complete = summary.done() == moves.size() && chainsMoved && !stop.getAsBoolean();
            unused.record();
            Optional<UnusedAdmin.Removal> removal = Optional.empty();
            if (complete && !keepUnused) {
                removal = Optional.of(unused.removeIn(plan.shard(), Duration.ZERO, Integer.MAX_VALUE));
                removal.get().removed().forEach(listener::removed);
            }
            return new Drained(plan.shard(), summary, chains, removal, complete);
        }
    }

    /** What {@code rebalance --apply} tells beyond its moves. */
    public interface ApplyListener extends MoveDriver.Listener {
        default void queued(Applied applied) {
        }
    }

    /**
     * {@code rebalance --apply}: takes the driver lock, queues the plan's moves (or continues the
     * open ones of an earlier apply) and drives them.
     */
    public MoveDriver.Summary applyRebalance(double thresholdPercent, int maxMoves, RebalancePlanner.By by, int jobs,
            BooleanSupplier stop, ApplyListener listener) {
        try (MoveDriver.Lock lock = MoveDriver.tryLock(store, "shard rebalance --apply")) {
            Applied applied = queueRebalance(thresholdPercent, maxMoves, by);
            listener.queued(applied);
            return new MoveDriver(store, stop, listener).drive(applied.moves(), jobs);
        }
    }
}
