package io.graphstore.store.placement;

/**
 * One candidate shard or node with what the strategy compared.
 *
 * @param name the shard or node
 * @param assigned deployments assigned to it now
 * @param score the rendezvous score (hex) under {@code hrw}; empty under {@code least_used}
 * @param skipped why the candidate cannot win now (a cordoned shard); empty when it can
 */
public record Candidate(String name, long assigned, String score, String skipped) {
    public Candidate(String name, long assigned, String score) {
        this(name, assigned, score, "");
    }

    public boolean eligible() {
        return skipped.isEmpty();
    }
}
