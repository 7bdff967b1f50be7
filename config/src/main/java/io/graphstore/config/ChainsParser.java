package io.graphstore.config;

import static io.graphstore.config.TomlValues.child;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tomlj.TomlTable;

/**
 * Reads the {@code [chains]} section. Only {@code ingestor} and each chain's {@code shard}
 * matter to graph-store; providers and the other chain settings are ignored.
 */
final class ChainsParser {
    private ChainsParser() {
    }

    static ChainsConfig read(TomlTable root, List<ShardName> shards) {
        Optional<Object> section = TomlValues.get(root, "chains");
        if (section.isEmpty()) {
            return ChainsConfig.NONE;
        }
        TomlTable chains = TomlValues.table(section.get(), "chains",
                "declare chains as [chains.<network>] tables");
        Optional<NodeId> ingestor = TomlValues.get(chains, "ingestor").map(v -> {
            String id = TomlValues.string(v, "chains.ingestor", "name the node that ingests blocks");
            return TomlValues.nodeId(id, "chains.ingestor");
        });
        Map<String, ChainConfig> result = new LinkedHashMap<>();
        for (String network : chains.keySet()) {
            if (chains.get(List.of(network)) instanceof TomlTable chain) {
                result.put(network, chain(network, chain, shards));
            }
        }
        return new ChainsConfig(ingestor, result);
    }

    private static ChainConfig chain(String network, TomlTable chain, List<ShardName> shards) {
        String path = child(child("chains", network), "shard");
        String hint = "add shard = \"primary\" or another configured store";
        Object value = TomlValues.get(chain, "shard")
                .orElseThrow(() -> new ConfigException(path, "missing", hint));
        ShardName shard = TomlValues.shardName(TomlValues.string(value, path, hint), path);
        return new ChainConfig(network, requireConfigured(shard, shards, path, "chain"));
    }

    /** The shard, if it is declared as a store; otherwise an error listing the known shards. */
    static ShardName requireConfigured(ShardName shard, List<ShardName> shards, String path,
                                       String what) {
        if (!shards.contains(shard)) {
            throw new ConfigException(path, "shard '" + shard + "' is not configured (known: "
                    + shards.stream().map(ShardName::value).collect(Collectors.joining(", ")) + ")",
                    "add [store." + shard + "] or fix the " + what);
        }
        return shard;
    }
}
