package io.graphstore.graphman.chain;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ChainAdmin;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman chain remove NAME}: drop a chain no deployment uses. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove a chain: drop its namespace (block data) and its directory row.",
            "Refuses (exit 2) while any deployment copy, active or not, is on that",
            "network. A deploy on the network later records the chain again, empty."})
public final class ChainRemove extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the chain (network), e.g. mainnet")
    String name;

    @Option(names = "--json", description = "print the result as JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        ChainAdmin.Removed removed;
        try (ShardedStore store = openStore(loadConfig())) {
            removed = new ChainAdmin(store).remove(name);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chain", removed.chain());
            m.put("dropped", removed.dropped());
            out().println(Json.write(m));
        } else {
            out().println("removed chain " + removed.chain() + ": dropped " + String.join(", ", removed.dropped()));
        }
        out().flush();
        return ExitCode.OK;
    }
}
