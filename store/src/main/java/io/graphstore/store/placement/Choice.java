package io.graphstore.store.placement;

import io.graphstore.config.PlacementStrategy;
import java.util.List;

/** The winner among a rule's candidates and why it won. */
public record Choice(String winner, PlacementStrategy strategy, List<Candidate> candidates, String reason) {
    public Choice {
        candidates = List.copyOf(candidates);
    }
}
