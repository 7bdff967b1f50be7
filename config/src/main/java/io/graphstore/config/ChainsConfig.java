package io.graphstore.config;

import io.graphstore.common.NodeId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code [chains]} section: the node that ingests blocks, if any, and the chains by
 * network name in file order. Providers and other chain settings are not kept.
 */
public record ChainsConfig(Optional<NodeId> ingestor, Map<String, ChainConfig> chains) {
    public static final ChainsConfig NONE = new ChainsConfig(Optional.empty(), Map.of());

    public ChainsConfig {
        Objects.requireNonNull(ingestor, "ingestor");
        chains = Collections.unmodifiableMap(new LinkedHashMap<>(chains));
    }

    public Optional<ChainConfig> chain(String network) {
        return Optional.ofNullable(chains.get(network));
    }

    /** Whether {@code node} is the configured block ingestor. */
    public boolean isIngestor(NodeId node) {
        return ingestor.filter(node::equals).isPresent();
    }
}
