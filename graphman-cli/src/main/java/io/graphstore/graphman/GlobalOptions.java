package io.graphstore.graphman;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every subcommand accepts; they may stand before or after the subcommand. */
public final class GlobalOptions {
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "graph-node.toml to use (env GRAPH_NODE_CONFIG; default: the running dev cluster's)")
    Path config;

    @Option(names = "--node-id", paramLabel = "NODE", scope = ScopeType.INHERIT,
            description = "id of this node, chooses pool sizes (env GRAPH_NODE_ID; default: default)")
    String nodeId;

    @Option(names = "--dev-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "directory whose .graphman/ holds the dev cluster (env GRAPHMAN_DEV_DIR; default: .)")
    Path devDir;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "print stack traces of errors")
    boolean debug;

    public Optional<Path> config() {
        return Optional.ofNullable(config);
    }

    public Optional<String> nodeId() {
        return Optional.ofNullable(nodeId);
    }

    public Optional<Path> devDir() {
        return Optional.ofNullable(devDir);
    }

    public boolean debug() {
        return debug;
    }
}
