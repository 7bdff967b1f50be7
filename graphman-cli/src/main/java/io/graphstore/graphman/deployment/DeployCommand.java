package io.graphstore.graphman.deployment;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.config.Config;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.Fields;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeployResult;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.admin.Networks;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.layout.Layout;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman deploy NAME HASH --schema FILE}: create a deployment and point a name at it. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Create a deployment and make it the current version of NAME.",
            "HASH is created from the GraphQL schema in FILE and placed on a shard and a",
            "node by the config's deployment rules. If HASH exists already, only NAME is",
            "pointed at it (the schema must be the same). Bad names, hashes, node ids,",
            "networks and schemas are rejected before anything is written."})
public final class DeployCommand extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "subgraph name, e.g. org/token")
    String name;

    @Parameters(index = "1", paramLabel = "HASH", description = "deployment hash: Qm followed by 44 base58 characters")
    String hash;

    @Option(names = "--schema", paramLabel = "FILE", required = true,
            description = "the GraphQL schema (schema.graphql) with @entity types")
    Path schemaFile;

    @Option(names = "--network", paramLabel = "NET",
            description = "network the deployment indexes; must be in [chains] when the config has any"
                    + " (default: mainnet)")
    String network;

    @Option(names = "--node", paramLabel = "NODE",
            description = "node to assign it to (default: chosen among the matching rule's indexers)")
    String node;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        SubgraphName subgraph = SubgraphName.of(name);
        DeploymentHash deployment = DeploymentHash.of(hash);
        Optional<NodeId> nodeId = Optional.ofNullable(node).map(NodeId::of);
        String schema = readSchema();
        Layout layout = Layout.parse(schema, schemaFile.toString());
        layout.warnings().forEach(w -> err().println("warning: " + w));
        err().flush();
        Config config = loadConfig();
        // checked before the store is opened, so a typo never waits for or touches a database
        String net = Networks.resolve(config, Optional.ofNullable(network));
        DeployResult result;
        try (ShardedStore store = openStore(config)) {
            result = new DeploymentAdmin(store).deploy(new DeployRequest(subgraph, deployment, schema,
                    schemaFile.toString(), Optional.of(net), nodeId));
        }
        if (json) {
            Map<String, Object> m = asMap(subgraph, result);
            if (result.created()) {
                m.put("layout", LayoutSummary.json(layout, result.site().namespace()));
            }
            m.put("warnings", layout.warnings());
            out().println(Json.write(m));
            return ExitCode.OK;
        }
        Site site = result.site();
        if (result.created()) {
            out().println("deployed " + subgraph + " as " + site.namespace() + " in " + site.shard());
        } else {
            out().println("deployment " + site.hash() + " already existed; only pointed '" + subgraph + "' at it");
        }
        Fields fields = new Fields()
                .add("hash", site.hash())
                .add("namespace", site.namespace())
                .add("shard", site.shard())
                .add("node", result.node())
                .add("network", site.network());
        result.placement().ifPresent(why -> fields.add("placement", why));
        if (result.created()) {
            LayoutSummary.addTo(fields, layout, site.namespace());
        }
        fields.print(out());
        return ExitCode.OK;
    }

    private String readSchema() {
        Path path = env().workingDirectory().resolve(schemaFile);
        if (!Files.exists(path)) {
            throw new BadInputException("schema file '" + schemaFile + "' does not exist; check --schema");
        }
        if (!Files.isRegularFile(path)) {
            throw new BadInputException("schema file '" + schemaFile + "' is not a file; pass the schema.graphql file");
        }
        try {
            return Files.readString(path);
        } catch (CharacterCodingException e) {
            throw new BadInputException("schema file '" + schemaFile + "' is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new BadInputException("schema file '" + schemaFile + "' cannot be read (" + e.getMessage()
                    + "); check its permissions", e);
        }
    }

    private static Map<String, Object> asMap(SubgraphName name, DeployResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name.value());
        m.put("hash", r.site().hash().value());
        m.put("namespace", r.site().namespace().value());
        m.put("shard", r.site().shard().value());
        m.put("node", r.node().value());
        m.put("network", r.site().network());
        m.put("created", r.created());
        m.put("placement", r.placement().orElse(null));
        return m;
    }
}
