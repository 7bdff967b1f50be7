package io.graphstore.store.rebalance;

import io.graphstore.common.ShardName;
import io.graphstore.config.DeploymentRule;
import io.graphstore.store.domain.Site;

/**
 * An active deployment copy as the planner sees it: its site, the subgraph name its rule was
 * matched with, that rule, and the bytes of its namespace.
 */
public record Placed(Site site, String name, DeploymentRule rule, long bytes) {
    public ShardName shard() {
        return site.shard();
    }
}
