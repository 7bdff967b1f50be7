package io.graphstore.config;

import static io.graphstore.config.TomlValues.child;
import static io.graphstore.config.TomlValues.index;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Reads {@code [[deployment.rule]]} entries and checks their order: the last rule is a
 * catch-all ({@link DeploymentRule#isCatchAll}) and nothing follows a catch-all.
 */
final class RuleParser {
    private static final String INDEXERS_HINT =
            "list the node ids that may index these deployments, e.g. indexers = [ \"index_node_0\" ]";

    private final List<ShardName> shards;
    private final Set<String> networks;

    private RuleParser(List<ShardName> shards, Set<String> networks) {
        this.shards = shards;
        this.networks = networks;
    }

    /** The rules in file order, or an empty list when there is no {@code [deployment]}. */
    static List<DeploymentRule> read(TomlTable root, List<ShardName> shards, Set<String> networks) {
        Optional<Object> section = TomlValues.get(root, "deployment");
        if (section.isEmpty()) {
            return List.of();
        }
        TomlTable deployment = TomlValues.table(section.get(), "deployment",
                "write [deployment] followed by [[deployment.rule]] entries");
        Object value = TomlValues.get(deployment, "rule").orElseThrow(() -> new ConfigException(
                "deployment.rule", "no rules", "add at least one [[deployment.rule]] with indexers, "
                + "or remove [deployment] to use the default rule"));
        TomlArray array = TomlValues.array(value, "deployment.rule", "an array of tables",
                "write each rule as [[deployment.rule]] with double brackets");
        if (array.isEmpty()) {
            throw new ConfigException("deployment.rule", "no rules",
                    "add at least one [[deployment.rule]] with indexers");
        }
        RuleParser parser = new RuleParser(shards, networks);
        List<DeploymentRule> rules = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = index("deployment.rule", i);
            rules.add(parser.rule(i, TomlValues.table(array.get(i), path,
                    "write each rule as [[deployment.rule]]"), path));
        }
        checkOrder(rules);
        return rules;
    }

    private static void checkOrder(List<DeploymentRule> rules) {
        for (DeploymentRule rule : rules.subList(0, rules.size() - 1)) {
            if (rule.isCatchAll()) {
                int next = rule.index() + 1;
                throw new ConfigException("deployment.rule[" + next + "]",
                        "follows the catch-all rule deployment.rule[" + rule.index()
                        + "] and can never match", "move it before deployment.rule[" + rule.index()
                        + "] or remove it");
            }
        }
        DeploymentRule last = rules.get(rules.size() - 1);
        if (!last.isCatchAll()) {
            throw new ConfigException("deployment.rule[" + last.index() + "]",
                    "the last rule has a match, so some deployments would have no place",
                    "end with a [[deployment.rule]] without match (or with match = { name = \".*\" })");
        }
    }

    private DeploymentRule rule(int i, TomlTable rule, String path) {
        RuleMatch match = TomlValues.get(rule, "match")
                .map(m -> RuleMatch.read(m, child(path, "match"), networks))
                .orElse(RuleMatch.ANY);
        List<ShardName> ruleShards = shards(rule, path);
        List<NodeId> indexers = indexers(rule, path);
        PlacementStrategy strategy = TomlValues.get(rule, "strategy")
                .map(v -> strategy(v, child(path, "strategy")))
                .orElse(PlacementStrategy.LEAST_USED);
        return new DeploymentRule(i, match.name(), match.networks(), ruleShards, indexers, strategy);
    }

    /**
     * {@code shard} or {@code shards}; as in graph-node, either one takes a name or a list of
     * names.
     */
    private List<ShardName> shards(TomlTable rule, String path) {
        Optional<Object> shard = TomlValues.get(rule, "shard");
        Optional<Object> list = TomlValues.get(rule, "shards");
        String hint = "name the shard with shard = \"x\" or shards = [ \"x\", \"y\" ]";
        if (shard.isPresent() && list.isPresent()) {
            throw new ConfigException(path, "has both shard and shards", "use only one of them");
        }
        if (shard.isEmpty() && list.isEmpty()) {
            return List.of(ShardName.PRIMARY);
        }
        String listPath = child(path, shard.isPresent() ? "shard" : "shards");
        Object value = shard.orElseGet(list::get);
        if (value instanceof String) {
            return List.of(configured(value, listPath, hint));
        }
        TomlArray array = TomlValues.array(value, listPath, "a shard name or an array of them", hint);
        if (array.isEmpty()) {
            throw new ConfigException(listPath, "the list is empty", hint);
        }
        List<ShardName> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            ShardName name = configured(array.get(i), index(listPath, i), hint);
            if (result.contains(name)) {
                throw new ConfigException(index(listPath, i), "shard '" + name
                        + "' is listed twice", "list each shard once");
            }
            result.add(name);
        }
        return result;
    }

    private ShardName configured(Object value, String path, String hint) {
        ShardName name = TomlValues.shardName(TomlValues.string(value, path, hint), path);
        return ChainsParser.requireConfigured(name, shards, path, "rule");
    }

    private static List<NodeId> indexers(TomlTable rule, String path) {
        String listPath = child(path, "indexers");
        Object value = TomlValues.get(rule, "indexers")
                .orElseThrow(() -> new ConfigException(listPath, "missing", INDEXERS_HINT));
        TomlArray array = TomlValues.array(value, listPath, "an array of node ids", INDEXERS_HINT);
        if (array.isEmpty()) {
            throw new ConfigException(listPath, "the list is empty", INDEXERS_HINT);
        }
        List<NodeId> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String itemPath = index(listPath, i);
            result.add(TomlValues.nodeId(TomlValues.string(array.get(i), itemPath, INDEXERS_HINT),
                    itemPath));
        }
        return result;
    }

    private static PlacementStrategy strategy(Object value, String path) {
        String hint = "use one of: " + PlacementStrategy.allowedValues();
        String text = TomlValues.string(value, path, hint);
        return PlacementStrategy.fromToml(text).orElseThrow(() -> new ConfigException(path,
                TomlValues.quoted(text) + " is not a strategy (allowed: "
                + PlacementStrategy.allowedValues() + ")", "remove it to use least_used"));
    }

    /** The {@code match} table of a rule: an optional name regex and a list of networks. */
    private record RuleMatch(Optional<Pattern> name, List<String> networks) {
        static final RuleMatch ANY = new RuleMatch(Optional.empty(), List.of());

        static RuleMatch read(Object value, String path, Set<String> known) {
            String hint = "write match = { name = \"<regex>\", network = \"<network>\" }";
            TomlTable match = TomlValues.table(value, path, hint);
            for (String key : match.keySet()) {
                if (!key.equals("name") && !key.equals("network")) {
                    throw new ConfigException(child(path, key), "unknown match key",
                            "a match has only name and network");
                }
            }
            Optional<Pattern> name = TomlValues.get(match, "name").map(v -> TomlValues.regex(
                    TomlValues.string(v, child(path, "name"), hint), child(path, "name")));
            List<String> networks = TomlValues.get(match, "network")
                    .map(v -> NetworkList.read(v, child(path, "network"), known))
                    .orElse(List.of());
            return new RuleMatch(name, networks);
        }
    }
}
