package io.graphstore.config;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code [[deployment.rule]]}: which new deployments it takes ({@code match}) and where
 * they go (candidate shards and indexer nodes, and how to pick among them). {@code index} is
 * the 0-based position in the file. A rule with neither networks nor a name pattern other
 * than {@code .*} is a catch-all.
 */
public record DeploymentRule(int index, Optional<Pattern> name, List<String> networks,
                             List<ShardName> shards, List<NodeId> indexers,
                             PlacementStrategy strategy) {
    /** The name regex that makes a match take every name. */
    public static final String ANY_NAME = ".*";

    public DeploymentRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        networks = List.copyOf(networks);
        shards = List.copyOf(shards);
        indexers = List.copyOf(indexers);
        if (index < 0) {
            throw new IllegalArgumentException("rule index " + index + " is negative");
        }
        if (shards.isEmpty() || indexers.isEmpty()) {
            throw new IllegalArgumentException("deployment.rule[" + index
                    + "] needs at least one shard and one indexer");
        }
    }

    /** The rule used when the file has no {@code [deployment]} section. */
    public static DeploymentRule defaultRule() {
        return new DeploymentRule(0, Optional.empty(), List.of(), List.of(ShardName.PRIMARY),
                List.of(NodeId.DEFAULT), PlacementStrategy.LEAST_USED);
    }

    /**
     * Whether a new deployment of subgraph {@code deploymentName} indexing {@code network}
     * falls under this rule: the name regex must match the whole name, and the network must be
     * one of {@link #networks()} unless that list is empty.
     */
    public boolean matches(String deploymentName, String network) {
        boolean nameMatches = name.map(p -> p.matcher(deploymentName).matches()).orElse(true);
        return nameMatches && (networks.isEmpty() || networks.contains(network));
    }

    /**
     * Whether the rule takes every deployment: it names no network, and no name regex or
     * exactly {@code .*}. This is graph-node's test for its default rule ({@code
     * matches_anything}); a regex that merely happens to match everything does not count.
     */
    public boolean isCatchAll() {
        return networks.isEmpty() && name.map(p -> p.pattern().equals(ANY_NAME)).orElse(true);
    }

    /** For messages: {@code deployment.rule[1] (name ~ "(vip|important)/.*")}. */
    public String describe() {
        List<String> conditions = new ArrayList<>();
        name.ifPresent(p -> conditions.add("name ~ \"" + p.pattern() + "\""));
        if (networks.size() == 1) {
            conditions.add("network = " + networks.get(0));
        } else if (!networks.isEmpty()) {
            conditions.add("network in [" + String.join(", ", networks) + "]");
        }
        String condition = conditions.isEmpty() ? "catch-all" : String.join(", ", conditions);
        return "deployment.rule[" + index + "] (" + condition + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeploymentRule r && r.key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    private List<Object> key() {
        return List.of(index, name.map(Pattern::pattern), networks, shards, indexers, strategy);
    }
}
