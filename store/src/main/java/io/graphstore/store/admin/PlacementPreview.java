package io.graphstore.store.admin;

import io.graphstore.config.DeploymentRule;
import io.graphstore.store.placement.Choice;

/** The rule a deployment name matches and the shard and node it would get now. */
public record PlacementPreview(DeploymentRule rule, Choice shard, Choice node) {
}
