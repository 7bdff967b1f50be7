package io.graphstore.graphman.shard;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ShardAdmin;
import io.graphstore.store.admin.ShardReferences;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman shard remove-check NAME}: whether removing the shard from the config is safe. */
@Command(name = "remove-check", mixinStandardHelpOptions = true,
        description = {"Check whether a shard can be removed from the config.",
            "Lists everything that still references it: deployment copies stored there (active or not),",
            "chains whose block data it stores, copies in flight from or to it, deployment rules that",
            "name it, and unused deployments recorded there and not removed yet. Exit 0 only when",
            "nothing does, so removing [store.NAME] is safe (then 'graphman database remap' cleans the",
            "fdw leftovers); exit 1 otherwise. The primary can never be removed."})
public final class ShardRemoveCheck extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the shard to check")
    String name;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        ShardReferences refs;
        try (ShardedStore store = openStore(loadConfig())) {
            refs = new ShardAdmin(store).references(name);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shard", refs.shard().value());
            m.put("safe_to_remove", refs.safeToRemove());
            m.put("primary", refs.primary());
            m.put("cordoned", refs.cordoned());
            m.put("deployments", refs.deployments());
            m.put("chains", refs.chains());
            m.put("copies", refs.copies());
            m.put("rules", refs.rules());
            m.put("unused", refs.unused());
            out().println(Json.write(m));
        } else if (refs.safeToRemove()) {
            out().println("shard " + name + " can be removed: no deployment, chain, copy, rule or unused deployment"
                    + " references it; remove [store." + name + "] from the config, then run 'graphman database remap'");
        } else {
            if (refs.primary()) {
                out().println("shard " + name + " is the primary: it holds the directory and can never be removed");
            }
            section("deployments stored there (move them with 'graphman copy create --replace')", refs.deployments());
            section("chains whose block data it stores", refs.chains());
            section("copies in flight from or to it (wait for them or cancel them)", refs.copies());
            section("deployment rules that name it (take it out of their shards)", refs.rules());
            section("unused deployments not removed yet ('graphman unused remove')", refs.unused());
            out().println("shard " + name + " cannot be removed yet" + (refs.cordoned() ? "" : "; cordon it first with"
                    + " 'graphman shard cordon " + name + "' so no new deployment goes there"));
        }
        out().flush();
        return refs.safeToRemove() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private void section(String title, List<String> items) {
        if (!items.isEmpty()) {
            out().println(title + ":");
            items.forEach(i -> out().println("  " + i));
        }
    }
}
