package io.graphstore.store.chain;

import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.ChainNamespace;
import io.graphstore.store.primary.ChainDao;
import java.util.Comparator;
import java.util.List;

/**
 * Writes blocks into a chain's namespace in the shard the directory names, and moves the
 * chain head in the primary. Each write holds the chain's row in the primary locked while it
 * writes the shard (one shard transaction, then the head, then the primary commits), so a
 * {@link ChainMover} switching the chain to another shard waits for it and the next write
 * goes to the new shard. Writing a block that is there already changes nothing.
 */
public final class ChainIngest {
    private final ShardedStore store;
    private final String network;

    public ChainIngest(ShardedStore store, String network) {
        this.store = store;
        this.network = network;
    }

    public String network() {
        return network;
    }

    /** Writes {@code blocks} (creating the namespace on first use); returns how many were new. */
    public int write(List<Block> blocks) {
        if (blocks.isEmpty()) {
            return 0;
        }
        Block top = blocks.stream().max(Comparator.comparingLong(Block::number)).orElseThrow();
        return store.directory().write(h -> {
            ChainDao chains = h.attach(ChainDao.class);
            ChainDao.Chain chain = chains.lock(network).orElseThrow(() -> new StoreException("chain '" + network
                    + "' is not recorded in the directory; a deploy on network '" + network + "' records it"));
            BlockTable table = new BlockTable(new ChainNamespace(chain.namespace()));
            int added = ChainShard.inTransaction(store.require(ShardName.of(chain.shard())), network, sh -> {
                table.create(sh);
                return table.insert(sh, blocks);
            });
            chains.advanceHead(chain.id(), top.number(), top.hash());
            return added;
        });
    }
}
