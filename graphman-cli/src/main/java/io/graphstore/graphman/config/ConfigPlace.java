package io.graphstore.graphman.config;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.config.DeploymentRule;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.admin.PlacementPreview;
import io.graphstore.store.domain.SubgraphName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman config place NAME NETWORK}: which rule, shards and nodes a new deployment gets, and who wins now. */
@Command(name = "place", mixinStandardHelpOptions = true,
        description = {"Show which rule, shard and node a new deployment NAME on NETWORK gets.",
            "Shows the matching deployment rule with its candidate",
            "shards and nodes in rule order (from the config alone). When the primary is",
            "reachable, also show which shard and node would win now and why; otherwise a",
            "note on stderr says why not, and the exit code is still 0."})
public final class ConfigPlace extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "subgraph name, e.g. org/name")
    String name;

    @Parameters(index = "1", paramLabel = "NETWORK", description = "network, e.g. mainnet")
    String network;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Option(names = "--offline", description = "do not ask the database for the winner")
    boolean offline;

    @Override
    public Integer call() {
        SubgraphName subgraph = SubgraphName.of(name);
        Config config = loadConfig();
        if (!config.chains().chains().isEmpty() && config.chains().chain(network).isEmpty()) {
            throw new BadInputException("network " + Echo.quoted(network) + " is not configured (known: "
                    + Echo.list(config.chains().chains().keySet())
                    + "); add [chains." + Echo.shown(network) + "] or fix the name");
        }
        DeploymentRule rule = config.ruleFor(subgraph.value(), network);
        List<String> shards = rule.shards().stream().map(ShardName::value).toList();
        List<String> nodes = rule.indexers().stream().map(NodeId::value).toList();
        Optional<PlacementPreview> winner = offline ? Optional.empty()
                : PlacementWinner.find(config, nodeId(), storeOptions(), subgraph, network, err());
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", subgraph.value());
            doc.put("network", network);
            doc.put("rule", rule.index());
            doc.put("rule_description", rule.describe());
            doc.put("strategy", rule.strategy().tomlName());
            doc.put("shards", shards);
            doc.put("nodes", nodes);
            winner.ifPresent(w -> doc.put("winner", PlacementWinner.asMap(w)));
            out().println(Json.write(doc));
        } else {
            out().println("rule:     " + rule.describe());
            out().println("strategy: " + rule.strategy().tomlName());
            out().println("shards:   " + String.join(", ", shards));
            out().println("nodes:    " + String.join(", ", nodes));
            winner.ifPresent(w -> out().println("winner:   " + PlacementWinner.describe(w)));
        }
        return ExitCode.OK;
    }
}
