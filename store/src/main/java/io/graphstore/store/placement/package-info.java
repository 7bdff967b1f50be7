/**
 * Where a new deployment goes. The first deployment rule matching (name, network) gives
 * candidate shards and nodes; its strategy picks one of each. {@code least_used}: the
 * candidate with the fewest assigned deployments, ties to the first listed. {@code hrw}
 * (rendezvous hashing): the candidate with the highest hash of (name, candidate), so the
 * choice is a pure function of the name, independent of list order, and adding a candidate
 * moves only the names it now wins (about 1/N). Pure functions; the caller supplies counts.
 */
package io.graphstore.store.placement;
