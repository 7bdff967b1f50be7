package io.graphstore.store.domain;

import io.graphstore.common.ShardName;
import java.time.Instant;

/**
 * One physical copy of a deployment: a row of {@code deployment_schemas} in the primary.
 * At most one site per (hash, shard); exactly one active site per hash.
 */
public record Site(DeploymentId id, DeploymentHash hash, Namespace namespace, ShardName shard,
        String network, boolean active, Instant createdAt) {
    public Site {
        if (!namespace.equals(Namespace.of(id))) {
            throw new IllegalArgumentException("site " + id + " must live in namespace sgd" + id + ", not " + namespace);
        }
    }

    /** {@code sgd3 (QmAbc… in shard_a)} for messages. */
    public String describe() {
        return namespace + " (" + hash + " in " + shard + ")";
    }
}
