/**
 * Shard-local data of one site: its metadata rows ({@code subgraphs.deployment},
 * {@code head}, {@code subgraph_manifest}) and its entity tables in namespace {@code sgdN}.
 * Writes come in blocks: {@link io.graphstore.store.shard.DeploymentData#transact} closes the
 * open version of every changed id (its block range ends at the block) and inserts the new
 * versions; a delete only closes. {@link io.graphstore.store.shard.DeploymentData#revert}
 * undoes everything after a block. Reads return the version valid at a block. Invariant: per
 * id at most one open version and no two versions overlap (enforced by the tables), and the
 * head's entity count equals the number of open versions.
 */
package io.graphstore.store.shard;
