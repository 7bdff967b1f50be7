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
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a rule always has candidates");
        }
        return strategy == PlacementStrategy.HRW
                ? hrw(key, candidates, assigned) : leastUsed(candidates, assigned);
    }

    private static Choice leastUsed(List<String> names, Map<String, Long> assigned) {
        List<Candidate> candidates = new ArrayList<>();
        Candidate best = null;
        for (String name : names) {
            Candidate c = new Candidate(name, assigned.getOrDefault(name, 0L), "");
            candidates.add(c);
            if (best == null || c.assigned() < best.assigned()) {
                best = c;
            }
        }
        String reason = names.size() == 1 ? "the rule names only " + best.name()
                : best.name() + " has the fewest assigned deployments (" + best.assigned() + ")";
        return new Choice(best.name(), PlacementStrategy.LEAST_USED, candidates, reason);
    }

    private static Choice hrw(String key, List<String> names, Map<String, Long> assigned) {
        List<Candidate> candidates = new ArrayList<>();
        String best = null;
        long bestScore = 0;
        for (String name : names) {
            long score = Rendezvous.score(key, name);
            candidates.add(new Candidate(name, assigned.getOrDefault(name, 0L), String.format("%016x", score)));
            if (best == null || Long.compareUnsigned(score, bestScore) > 0
                    || (score == bestScore && name.compareTo(best) < 0)) {
                best = name;
                bestScore = score;
            }
        }
        String reason = names.size() == 1 ? "the rule names only " + best
                : best + " has the highest rendezvous score for '" + key + "'";
        return new Choice(best, PlacementStrategy.HRW, candidates, reason);
    }
}
