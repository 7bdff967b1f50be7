package io.graphstore.store.rebalance;

import io.graphstore.common.ShardName;
import io.graphstore.config.DeploymentRule;
import io.graphstore.config.PlacementStrategy;
import io.graphstore.store.placement.Placement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plans the moves that bring placement in line with each deployment rule's strategy, per rule
 * with more than one shard, skipping cordoned shards as targets:
 * <ul>
 *   <li>{@code hrw}: every deployment whose rendezvous winner among the rule's shards is not the
 *       shard it is in (after adding an Nth shard, about 1/N of them);</li>
 *   <li>{@code least_used}: the fewest moves, largest imbalance first, that bring every shard of
 *       the rule within {@code threshold} of the rule's average load, by deployment count or
 *       (as Citus' {@code by_disk_size}) by bytes; a deployment only moves where it lowers the
 *       spread.</li>
 * </ul>
 * Pure: the same inputs give the same plan.
 */
public final class RebalancePlanner {
    /** How load is measured under {@code least_used}. */
    public enum By { COUNT, SIZE }

    private final double threshold;
    private final By by;
    private final Set<ShardName> cordoned;
    private final Optional<Double> bytesPerSecond;

    /**
     * @param threshold how far from the average a shard may be, as a fraction (0.1 = 10 %)
     * @param bytesPerSecond measured copy throughput, for the estimates
     */
    public RebalancePlanner(double threshold, By by, Set<ShardName> cordoned, Optional<Double> bytesPerSecond) {
        this.threshold = threshold;
        this.by = by;
        this.cordoned = Set.copyOf(cordoned);
        this.bytesPerSecond = bytesPerSecond;
    }

    public Plan plan(List<Placed> deployments, int maxMoves) {
        Map<Integer, List<Placed>> byRule = new TreeMap<>();
        Map<Integer, DeploymentRule> rules = new TreeMap<>();
        for (Placed p : deployments) {
            if (p.rule().shards().size() > 1) {
                byRule.computeIfAbsent(p.rule().index(), i -> new ArrayList<>()).add(p);
                rules.put(p.rule().index(), p.rule());
            }
        }
        List<Move> moves = new ArrayList<>();
        int considered = 0;
        for (var e : byRule.entrySet()) {
            DeploymentRule rule = rules.get(e.getKey());
            considered += e.getValue().size();
            moves.addAll(rule.strategy() == PlacementStrategy.HRW ? hrw(rule, e.getValue()) : leastUsed(rule, e.getValue(),
                    deployments));
        }
        boolean limited = moves.size() > maxMoves;
        return new Plan(limited ? List.copyOf(moves.subList(0, maxMoves)) : List.copyOf(moves), considered,
                bytesPerSecond, limited);
    }

    private List<String> eligible(DeploymentRule rule) {
        return rule.shards().stream().filter(s -> !cordoned.contains(s)).map(ShardName::value).toList();
    }

    private List<Move> hrw(DeploymentRule rule, List<Placed> placed) {
        List<String> candidates = rule.shards().stream().map(ShardName::value).toList();
        Map<String, String> skipped = new LinkedHashMap<>();
        cordoned.forEach(c -> skipped.put(c.value(), "is cordoned"));
        List<Move> moves = new ArrayList<>();
        for (Placed p : placed) {
            Optional<String> winner = Placement.choose(PlacementStrategy.HRW, p.name(), candidates, Map.of(), skipped)
                    .map(c -> c.winner());
            if (winner.isPresent() && !winner.get().equals(p.shard().value())) {
                moves.add(move(p, ShardName.of(winner.get()), "hrw: " + winner.get() + " has the highest rendezvous"
                        + " score for '" + p.name() + "' among the rule's shards"));
            }
        }
        return moves;
    }

    private List<Move> leastUsed(DeploymentRule rule, List<Placed> placed, List<Placed> everything) {
        List<String> shards = eligible(rule);
        if (shards.size() < 2) {
            return List.of();
        }
        // load of each eligible shard counts everything in it, as placement does
        Map<String, Long> load = new LinkedHashMap<>();
        shards.forEach(s -> load.put(s, 0L));
        for (Placed p : everything) {
            load.computeIfPresent(p.shard().value(), (s, v) -> v + weight(p));
        }
        Map<String, List<Placed>> movable = new LinkedHashMap<>();
        shards.forEach(s -> movable.put(s, new ArrayList<>()));
        for (Placed p : placed) {
            if (movable.containsKey(p.shard().value())) {
                movable.get(p.shard().value()).add(p);
            }
        }
        double average = load.values().stream().mapToLong(Long::longValue).sum() / (double) shards.size();
        double slack = Math.max(threshold * average, by == By.COUNT ? 0.5 : 0);
        List<Move> moves = new ArrayList<>();
        while (true) {
            String from = load.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String to = load.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            long high = load.get(from);
            long low = load.get(to);
            if (high - average <= slack && average - low <= slack) {
                return moves;
            }
            long gap = high - low;
            // a move helps when the deployment is lighter than the gap; the best is closest to half of it
            Optional<Placed> pick = movable.get(from).stream().filter(p -> weight(p) > 0 && weight(p) < gap)
                    .min(Comparator.comparingDouble((Placed p) -> Math.abs(weight(p) - gap / 2.0))
                            .thenComparing(p -> p.site().id().value()));
            if (pick.isEmpty()) {
                return moves;
            }
            Placed p = pick.get();
            movable.get(from).remove(p);
            movable.get(to).add(p);
            load.put(from, high - weight(p));
            load.put(to, low + weight(p));
            moves.add(move(p, ShardName.of(to), "least_used (" + (by == By.COUNT ? "count" : "size") + "): " + from
                    + " is " + percent(high, average) + " the rule's average, " + to + " " + percent(low, average)));
        }
    }

    private long weight(Placed p) {
        return by == By.COUNT ? 1 : p.bytes();
    }

    private static String percent(long value, double average) {
        long pct = Math.round(100.0 * (value - average) / Math.max(average, 1e-9));
        return pct >= 0 ? pct + " % above" : -pct + " % below";
    }

    private Move move(Placed p, ShardName to, String why) {
        Optional<Duration> estimate = bytesPerSecond.filter(b -> b > 0)
                .map(b -> Duration.ofMillis((long) (1000.0 * p.bytes() / b)));
        return new Move(p, p.shard(), to, why, estimate);
    }
}
