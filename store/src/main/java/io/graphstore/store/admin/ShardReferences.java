package io.graphstore.store.admin;

import io.graphstore.common.ShardName;
import java.util.List;

/**
 * Everything that still references a shard, for {@code graphman shard remove-check}: removing
 * {@code [store.<shard>]} from the config is safe only when every list is empty (and it is not
 * the primary).
 *
 * @param deployments deployment copies stored in the shard, active or not
 * @param chains chains whose block data the shard stores
 * @param copies copies in flight from or to the shard
 * @param rules deployment rules that name the shard
 * @param unused unused deployments recorded in the shard and not removed yet
 */
public record ShardReferences(ShardName shard, boolean primary, boolean cordoned, List<String> deployments,
        List<String> chains, List<String> copies, List<String> rules, List<String> unused) {
    public boolean safeToRemove() {
        return !primary && deployments.isEmpty() && chains.isEmpty() && copies.isEmpty() && rules.isEmpty()
                && unused.isEmpty();
    }
}
