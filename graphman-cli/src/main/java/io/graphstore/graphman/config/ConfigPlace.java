package io.graphstore.graphman.config;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.config.DeploymentRule;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.domain.SubgraphName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman config place NAME NETWORK}: which rule, shards and nodes a new deployment gets. */
@Command(name = "place", mixinStandardHelpOptions = true,
        description = {"Show the deployment rule that matches NAME on NETWORK, with its candidate",
            "shards and nodes in rule order. Reads the config only."})
public final class ConfigPlace extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "subgraph name, e.g. org/name")
    String name;

    @Parameters(index = "1", paramLabel = "NETWORK", description = "network, e.g. mainnet")
    String network;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        SubgraphName subgraph = SubgraphName.of(name);
        Config config = loadConfig();
        if (!config.chains().chains().isEmpty() && config.chains().chain(network).isEmpty()) {
            throw new BadInputException("network '" + network + "' is not configured (known: "
                    + String.join(", ", config.chains().chains().keySet())
                    + "); add [chains." + network + "] or fix the name");
        }
        DeploymentRule rule = config.ruleFor(subgraph.value(), network);
        List<String> shards = rule.shards().stream().map(ShardName::value).toList();
        List<String> nodes = rule.indexers().stream().map(NodeId::value).toList();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", subgraph.value());
            doc.put("network", network);
            doc.put("rule", rule.index());
            doc.put("rule_description", rule.describe());
            doc.put("strategy", rule.strategy().tomlName());
            doc.put("shards", shards);
            doc.put("nodes", nodes);
            out().println(Json.write(doc));
        } else {
            out().println("rule:     " + rule.describe());
            out().println("strategy: " + rule.strategy().tomlName());
            out().println("shards:   " + String.join(", ", shards));
            out().println("nodes:    " + String.join(", ", nodes));
        }
        return ExitCode.OK;
    }
}
