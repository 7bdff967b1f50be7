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
        PoolSize pool = PoolSizes.read(TomlValues.get(table, "pool_size"), child(path, "pool_size"),
                new PoolSize.Fixed(StoreConfig.DEFAULT_POOL_SIZE), zeroAllowed);
        PoolSize fdw = PoolSizes.read(TomlValues.get(table, "fdw_pool_size"),
                child(path, "fdw_pool_size"), new PoolSize.Fixed(StoreConfig.DEFAULT_FDW_POOL_SIZE),
                zeroAllowed);
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
        return new StoreConfig(name, connection, pool, fdw, weight, replicas);
    }

    private ReplicaConfig replica(String name, Object value, String path, PoolSize storePool,
                                  boolean zeroAllowed) {
        if (!ReplicaConfig.VALID_NAME.matcher(name).matches()) {
            throw new ConfigException(path,
                    "replica name " + TomlValues.quoted(name) + " is invalid",
                    "use 1 to 30 lowercase letters, digits or underscores");
        }
        TomlTable table = TomlValues.table(value, path,
                "declare the replica as a [" + path + "] table");
        ConnectionInfo connection = connection(table, path);
        PoolSize pool = PoolSizes.read(TomlValues.get(table, "pool_size"), child(path, "pool_size"),
                storePool, zeroAllowed);
        return new ReplicaConfig(name, connection, weight(table, path), pool);
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
