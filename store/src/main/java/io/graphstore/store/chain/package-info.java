/**
 * Chains' block data, as graph-node keeps it: namespace {@code chainN} ({@code N} the chain's
 * id in {@code public.chains}) in the shard the directory names, with a {@code blocks} table
 * ({@link io.graphstore.store.chain.BlockTable}). {@link io.graphstore.store.chain.ChainIngest}
 * writes blocks and moves the head in the primary; {@link io.graphstore.store.chain.ChainMover}
 * moves the data to another shard, resumably, state in {@code public.chain_moves}. Both take
 * the chain's row lock in the primary, so a move never switches during a write.
 */
package io.graphstore.store.chain;
