package io.graphstore.store.placement;

/**
 * One candidate shard or node with what the strategy compared.
 *
 * @param name the shard or node
 * @param assigned deployments assigned to it now
 * @param score the rendezvous score (hex) under {@code hrw}; empty under {@code least_used}
 */
public record Candidate(String name, long assigned, String score) {
}
