package io.graphstore.config;

import io.graphstore.common.ShardName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, validated graph-store configuration. Invariants: a {@code primary} store exists;
 * the rules are never empty and the last one is a catch-all, so {@link #ruleFor} always finds
 * a rule. Build it with {@link ConfigLoader}; the constructor is for tests and tools.
 *
 * @param stores the shards in file order
 * @param chains the {@code [chains]} section
 * @param rules  the deployment rules in file order; an empty list means the default rule
 *               (shards [primary], indexers [default], least_used)
 */
public record Config(Map<ShardName, StoreConfig> stores, ChainsConfig chains,
                     List<DeploymentRule> rules) {

    public Config {
        stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
        Objects.requireNonNull(chains, "chains");
        rules = rules.isEmpty() ? List.of(DeploymentRule.defaultRule()) : List.copyOf(rules);
        if (!stores.containsKey(ShardName.PRIMARY)) {
            throw new ConfigException("store.primary", "is missing",
                    "every config needs [store.primary] with a connection");
        }
        DeploymentRule last = rules.get(rules.size() - 1);
        if (!last.isCatchAll()) {
            throw new ConfigException("deployment.rule[" + last.index() + "]",
                    "the last rule has a match", "end with a rule without match so every "
                    + "deployment finds a place");
        }
    }

    public StoreConfig primary() {
        return stores.get(ShardName.PRIMARY);
    }

    public Optional<StoreConfig> store(ShardName name) {
        return Optional.ofNullable(stores.get(name));
    }

    /** All shard names: primary first, then the others in file order. */
    public List<ShardName> shardNames() {
        List<ShardName> names = new ArrayList<>();
        names.add(ShardName.PRIMARY);
        stores.keySet().stream().filter(n -> !n.isPrimary()).forEach(names::add);
        return List.copyOf(names);
    }

    /** The first rule that takes a new deployment {@code deploymentName} on {@code network}. */
    public DeploymentRule ruleFor(String deploymentName, String network) {
        return rules.stream().filter(r -> r.matches(deploymentName, network)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no catch-all rule"));
    }

    /**
     * The resolved configuration as nested maps, lists, strings, numbers and booleans, ready to
     * print as JSON ({@code graphman config check --print}). Passwords are shown as {@code ***}.
     */
    public Map<String, Object> describe() {
        return ConfigDescriber.describe(this);
    }
}
