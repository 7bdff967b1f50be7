package io.graphstore.store.admin;

import io.graphstore.common.NodeId;
import io.graphstore.store.domain.Site;
import java.util.Optional;

/**
 * The outcome of a deploy.
 *
 * @param site the active site of the deployment
 * @param node the node it is assigned to
 * @param created whether this deploy created the site (false: it existed, the name now points to it)
 * @param placement why the shard and node were chosen, when this deploy placed it
 */
public record DeployResult(Site site, NodeId node, boolean created, Optional<String> placement) {
}
