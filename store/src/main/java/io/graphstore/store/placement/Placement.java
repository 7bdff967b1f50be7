package io.graphstore.store.placement;

import io.graphstore.config.PlacementStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Picks one candidate by the rule's strategy. Pure: the same inputs give the same choice. */
public final class Placement {
    private Placement() {
    }

    /**
     * @param key the deployment (subgraph) name, hashed under {@code hrw}
     * @param candidates shard or node names in rule order, not empty
     * @param assigned deployments assigned per candidate (missing = 0)
     */
    public static Choice choose(PlacementStrategy strategy, String key, List<String> candidates,
            Map<String, Long> assigned) {
        return choose(strategy, key, candidates, assigned, Map.of()).orElseThrow();
    }

    /**
     * Like {@link #choose(PlacementStrategy, String, List, Map)}, skipping the candidates in
     * {@code skipped} (name to why, such as a cordoned shard); empty when every candidate is skipped.
     */
    public static java.util.Optional<Choice> choose(PlacementStrategy strategy, String key, List<String> candidates,
            Map<String, Long> assigned, Map<String, String> skipped) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a rule always has candidates");
        }
        List<Candidate> all = new ArrayList<>();
        for (String name : candidates) {
            String score = strategy == PlacementStrategy.HRW ? String.format("%016x", Rendezvous.score(key, name)) : "";
            all.add(new Candidate(name, assigned.getOrDefault(name, 0L), score, skipped.getOrDefault(name, "")));
        }
        List<Candidate> eligible = all.stream().filter(Candidate::eligible).toList();
        if (eligible.isEmpty()) {
            return java.util.Optional.empty();
        }
        Candidate best = strategy == PlacementStrategy.HRW ? hrw(key, eligible) : leastUsed(eligible);
        String reason = eligible.size() == 1 ? "the rule names only " + best.name() : strategy == PlacementStrategy.HRW
                ? best.name() + " has the highest rendezvous score for '" + key + "'"
                : best.name() + " has the fewest assigned deployments (" + best.assigned() + ")";
        if (eligible.size() == 1 && all.size() > 1) {
            reason = best.name() + " is the only candidate left";
        }
        String skips = all.stream().filter(c -> !c.eligible()).map(c -> c.name() + " " + c.skipped())
                .collect(java.util.stream.Collectors.joining(", "));
        return java.util.Optional.of(new Choice(best.name(), strategy, all, skips.isEmpty() ? reason
                : reason + " (" + skips + ")"));
    }

    private static Candidate leastUsed(List<Candidate> candidates) {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (best == null || c.assigned() < best.assigned()) {
                best = c;
            }
        }
        return best;
    }

    private static Candidate hrw(String key, List<Candidate> candidates) {
        Candidate best = null;
        long bestScore = 0;
        for (Candidate c : candidates) {
            long score = Rendezvous.score(key, c.name());
            if (best == null || Long.compareUnsigned(score, bestScore) > 0
                    || (score == bestScore && c.name().compareTo(best.name()) < 0)) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }
}
