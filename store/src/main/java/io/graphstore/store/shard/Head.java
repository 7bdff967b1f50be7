package io.graphstore.store.shard;

import io.graphstore.store.domain.BlockPtr;
import java.util.Optional;

/**
 * Where a site stands: its latest block (empty before the first write), the number of
 * entities valid there, and the earliest block it can be reverted to.
 */
public record Head(Optional<BlockPtr> block, long entityCount, int earliestBlock) {
    public Optional<Integer> number() {
        return block.map(BlockPtr::number);
    }
}
