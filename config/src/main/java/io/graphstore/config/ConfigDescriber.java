package io.graphstore.config;

import io.graphstore.common.NodeId;
import io.graphstore.common.Secret;
import io.graphstore.common.ShardName;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the JSON-friendly view of {@link Config#describe()}; never includes a password. */
final class ConfigDescriber {
    private ConfigDescriber() {
    }

    static Map<String, Object> describe(Config config) {
        Map<String, Object> stores = new LinkedHashMap<>();
        config.shardNames().forEach(name ->
                stores.put(name.value(), store(config.store(name).orElseThrow())));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("stores", stores);
        result.put("chains", chains(config.chains()));
        result.put("deployment", single("rules",
                config.rules().stream().map(ConfigDescriber::rule).collect(Collectors.toList())));
        return result;
    }

    private static Map<String, Object> store(StoreConfig store) {
        Map<String, Object> result = new LinkedHashMap<>();
        connection(store.connection(), result);
        result.put("pool_size", poolSize(store.poolSize()));
        result.put("fdw_pool_size", poolSize(store.fdwPoolSize()));
        result.put("weight", store.weight());
        Map<String, Object> replicas = new LinkedHashMap<>();
        for (ReplicaConfig replica : store.replicas()) {
            Map<String, Object> r = new LinkedHashMap<>();
            connection(replica.connection(), r);
            r.put("pool_size", poolSize(replica.poolSize()));
            r.put("weight", replica.weight());
            replicas.put(replica.name(), r);
        }
        result.put("replicas", replicas);
        return result;
    }

    private static void connection(ConnectionInfo info, Map<String, Object> into) {
        into.put("connection", info.masked());
        if (!info.params().isEmpty()) {
            Map<String, Object> params = new LinkedHashMap<>();
            info.params().forEach((k, v) -> params.put(k, isSecretParam(k) ? Secret.MASK : v));
            into.put("params", params);
        }
    }

    private static boolean isSecretParam(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token");
    }

    private static Object poolSize(PoolSize size) {
        if (size instanceof PoolSize.Fixed fixed) {
            return fixed.size();
        }
        return ((PoolSize.ByNode) size).rules().stream().map(rule -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("node", rule.node().pattern());
            r.put("size", rule.size());
            return r;
        }).collect(Collectors.toList());
    }

    private static Map<String, Object> chains(ChainsConfig chains) {
        Map<String, Object> result = new LinkedHashMap<>();
        chains.ingestor().ifPresent(node -> result.put("ingestor", node.value()));
        Map<String, Object> networks = new LinkedHashMap<>();
        chains.chains().forEach((net, chain) ->
                networks.put(net, single("shard", chain.shard().value())));
        result.put("networks", networks);
        return result;
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(key, value);
        return result;
    }

    private static Map<String, Object> rule(DeploymentRule rule) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", rule.index());
        Map<String, Object> match = new LinkedHashMap<>();
        rule.name().ifPresent(p -> match.put("name", p.pattern()));
        if (!rule.networks().isEmpty()) {
            match.put("network", rule.networks());
        }
        if (!match.isEmpty()) {
            result.put("match", match);
        }
        result.put("shards", rule.shards().stream().map(ShardName::value).toList());
        result.put("indexers", rule.indexers().stream().map(NodeId::value).toList());
        result.put("strategy", rule.strategy().tomlName());
        return result;
    }
}
