package io.graphstore.config;

import static io.graphstore.config.TomlValues.child;

import io.graphstore.common.ShardName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tomlj.TomlTable;

/** Reads the {@code [store]} section: shards, their pools and their replicas. */
final class StoreParser {
    private static final String CONNECTION_HINT =
            "add connection = \"postgresql://USER:PASSWORD@HOST:PORT/DB\"";
    private static final String WEIGHT_HINT = "weight is a share of query traffic, 0 or more";

    private final Function<String, Optional<String>> env;

    private StoreParser(Function<String, Optional<String>> env) {
        this.env = env;
    }

    static Map<ShardName, StoreConfig> read(TomlTable root, Function<String, Optional<String>> env) {
        return new StoreParser(env).stores(root);
    }

    private Map<ShardName, StoreConfig> stores(TomlTable root) {
        TomlTable stores = TomlValues.get(root, "store")
                .map(s -> TomlValues.table(s, "store", "declare shards as [store.<name>] tables"))
                .filter(s -> s.contains(List.of(ShardName.PRIMARY.value())))
                .orElseThrow(StoreParser::missingPrimary);
        Map<ShardName, StoreConfig> result = new LinkedHashMap<>();
        for (String key : stores.keySet()) {
            String path = child("store", key);
            ShardName name = TomlValues.shardName(key, path);
            TomlTable table = TomlValues.table(stores.get(List.of(key)), path,
                    "declare the shard as a [" + path + "] table");
            result.put(name, store(name, table, path));
        }
        return result;
    }

    private static ConfigException missingPrimary() {
        return new ConfigException("store.primary", "is missing",
                "every config needs [store.primary] with a connection");
    }

    private StoreConfig store(ShardName name, TomlTable table, String path) {
        boolean zeroAllowed = !name.isPrimary();
        ConnectionInfo connection = connection(table, path);
        PoolSize pool = poolSize(table, "pool_size", path, zeroAllowed).orElseThrow(
                () -> new ConfigException(child(path, "pool_size"), "missing",
                        "graph-node needs it too: add pool_size = 10, or rules like "
                        + "[ { node = \"index_node_.*\", size = 10 } ]"));
        PoolSize fdw = poolSize(table, "fdw_pool_size", path, zeroAllowed)
                .orElse(new PoolSize.Fixed(StoreConfig.DEFAULT_FDW_POOL_SIZE));
        int weight = weight(table, path);
        List<ReplicaConfig> replicas = new ArrayList<>();
        Optional<Object> replicaSection = TomlValues.get(table, "replicas");
        if (replicaSection.isPresent()) {
            String replicasPath = child(path, "replicas");
            TomlTable all = TomlValues.table(replicaSection.get(), replicasPath,
                    "declare replicas as [" + replicasPath + ".<name>] tables");
            for (String key : all.keySet()) {
                replicas.add(replica(key, all.get(List.of(key)), child(replicasPath, key), pool,
                        zeroAllowed));
            }
        }
        if (weight == 0 && replicas.stream().allMatch(r -> r.weight() == 0)) {
            throw replicas.isEmpty()
                    ? new ConfigException(child(path, "weight"), "weight is 0 and there are no "
                            + "replicas, so no query could go anywhere", "remove weight = 0")
                    : new ConfigException(child(path, "weight"), "the store and all its replicas "
                            + "have weight 0, so no query could go anywhere",
                            "give the store or one of its replicas a weight above 0");
        }
        return new StoreConfig(name, connection, pool, fdw, weight, replicas);
    }

    private ReplicaConfig replica(String name, Object value, String path, PoolSize storePool,
                                  boolean zeroAllowed) {
        if (!ReplicaConfig.VALID_NAME.matcher(name).matches()) {
            throw new ConfigException(path,
                    "replica name " + TomlValues.quoted(name) + " is invalid",
                    "use 1 to 30 lowercase letters, digits or '-' (graph-node's rule)");
        }
        TomlTable table = TomlValues.table(value, path,
                "declare the replica as a [" + path + "] table");
        ConnectionInfo connection = connection(table, path);
        PoolSize pool = poolSize(table, "pool_size", path, zeroAllowed).orElse(storePool);
        return new ReplicaConfig(name, connection, weight(table, path), pool);
    }

    private static Optional<PoolSize> poolSize(TomlTable table, String key, String parent,
                                               boolean zeroAllowed) {
        return TomlValues.get(table, key).map(v -> PoolSizes.read(v, child(parent, key), zeroAllowed));
    }

    private ConnectionInfo connection(TomlTable table, String parent) {
        String path = child(parent, "connection");
        Object value = TomlValues.get(table, "connection").orElseThrow(
                () -> new ConfigException(path, "missing", CONNECTION_HINT));
        String raw = TomlValues.secretString(value, path, CONNECTION_HINT);
        return ConnectionInfo.parse(EnvExpander.expand(raw, path, env), path);
    }

    private static int weight(TomlTable table, String parent) {
        return TomlValues.get(table, "weight")
                .map(v -> TomlValues.nonNegativeInt(v, child(parent, "weight"), WEIGHT_HINT))
                .orElse(StoreConfig.DEFAULT_WEIGHT);
    }
}
