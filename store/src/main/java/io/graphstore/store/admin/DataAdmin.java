package io.graphstore.store.admin;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.BlockPtr;
import io.graphstore.store.domain.Site;
import io.graphstore.store.shard.Head;
import java.util.Optional;

/** Changing a site's data from the CLI: rewind. Touches the site's shard. */
public final class DataAdmin {
    private final ShardedStore store;

    public DataAdmin(ShardedStore store) {
        this.store = store;
    }

    /** Reverts the site to {@code block}; the hash defaults to the synthetic chain's. */
    public Head rewind(String locator, int block, Optional<byte[]> hash) {
        Site site = store.directory().resolveOne(locator);
        BlockPtr to = hash.map(h -> new BlockPtr(block, h)).orElseGet(() -> SyntheticChain.block(block));
        return store.deployments().data(site).revert(to);
    }
}
