package io.graphstore.store.embedded;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the graph-node config of the dev cluster: one store per server, two chains, and
 * deployment rules that spread new deployments over the non-primary shards.
 */
final class DevConfig {
    private DevConfig() {
    }

    static String render(ClusterLayout layout) {
        StringBuilder toml = new StringBuilder("""
                # Written by `graphman dev up` for the embedded dev cluster; rewritten on every
                # `dev up`. It holds the password of the local dev role, so it is private.

                """);
        for (ClusterLayout.Server s : layout.servers()) {
            toml.append("[store.").append(s.shard()).append("]\n")
                    .append("connection = \"postgresql://").append(EmbeddedCluster.ROLE).append(':')
                    .append(layout.password()).append("@127.0.0.1:").append(s.port()).append('/')
                    .append(EmbeddedCluster.DATABASE).append("\"\n")
                    .append("pool_size = 10\n")
                    .append("fdw_pool_size = 5\n\n");
        }
        List<String> others = layout.servers().stream().map(ClusterLayout.Server::shard)
                .filter(s -> !s.equals("primary")).toList();
        String blockShard = others.isEmpty() ? "primary" : others.get(others.size() - 1);
        toml.append("[chains]\ningestor = \"default\"\n\n")
                .append("[chains.mainnet]\nshard = \"primary\"\n\n")
                .append("[chains.sepolia]\nshard = \"").append(blockShard).append("\"\n\n")
                .append("[deployment]\n");
        if (!others.isEmpty()) {
            toml.append("[[deployment.rule]]\n")
                    .append("match = { name = \"vip/.*\" }\n")
                    .append("shard = \"").append(others.get(0)).append("\"\n")
                    .append("indexers = [ \"default\" ]\n\n");
        }
        List<String> all = layout.servers().stream().map(ClusterLayout.Server::shard).toList();
        toml.append("[[deployment.rule]]\n")
                .append("shards = [ ").append(quoted(others.isEmpty() ? all : others)).append(" ]\n")
                .append("indexers = [ \"default\" ]\n")
                .append("strategy = \"least_used\"\n");
        return toml.toString();
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }
}
