package io.graphstore.store.copy;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.Site;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.Samples;

final class CopyTestSupport {
    private CopyTestSupport() {
    }

    static Site deployAndIndex(ShardedStore store, String name, int n, int blocks, int changes) {
        Site site = Samples.deployToken(store, name, n).site();
        new SyntheticIndexer(store.deployments().data(site), n, changes).run(blocks, b -> { });
        return site;
    }
}
