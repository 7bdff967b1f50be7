package io.graphstore.graphman.chain;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ChainAdmin;
import io.graphstore.store.admin.ChainDetails;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman chain list}: every chain with the shard holding its block data. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the chains in the directory.",
            "For each: name, the shard holding its block data, its namespace there, its",
            "head block, and the blocks stored there (an exact count; '?' when the shard",
            "cannot be read). A chain is recorded by the first deploy on it."})
public final class ChainList extends GraphmanCommand {
    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        List<ChainDetails> chains;
        try (ShardedStore store = openStore(loadConfig())) {
            chains = new ChainAdmin(store).list();
        }
        if (json) {
            out().println(Json.write(chains.stream().map(c -> ChainView.asMap(c, false)).toList()));
        } else if (chains.isEmpty()) {
            out().println("no chains yet; the first 'graphman deploy' on a network records it");
        } else {
            Table t = new Table("NAME", "SHARD", "NAMESPACE", "HEAD", "BLOCKS");
            chains.forEach(c -> t.row(c.name(), c.shard(), c.namespace(), ChainView.head(c), ChainView.blocks(c)));
            t.print(out());
            chains.forEach(c -> c.problem().ifPresent(p -> err().println("note: chain '" + c.name()
                    + "': blocks unknown: " + p)));
            err().flush();
        }
        return ExitCode.OK;
    }
}
