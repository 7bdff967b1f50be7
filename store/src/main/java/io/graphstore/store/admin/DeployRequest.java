package io.graphstore.store.admin;

import io.graphstore.common.NodeId;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.SubgraphName;
import java.util.Optional;

/**
 * What {@code graphman deploy} asks for.
 *
 * @param schema the GraphQL schema text
 * @param schemaSource where the schema came from, for error messages (a file name)
 * @param network the network; default {@code mainnet}
 * @param node the node to assign to; default chosen by the matching rule
 */
public record DeployRequest(SubgraphName name, DeploymentHash hash, String schema, String schemaSource,
        Optional<String> network, Optional<NodeId> node) {
}
