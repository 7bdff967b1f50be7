package io.graphstore.graphman.chain;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.Fields;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ChainAdmin;
import io.graphstore.store.admin.ChainDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman chain info NAME}: one chain, where its blocks are and how many. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show one chain and where its block data is.",
            "The shard and namespace holding its blocks, its head, the blocks stored",
            "(exact count, lowest and highest number, size on disk), the shard the config",
            "names for it, the deployments on it and a move under way. Exit 1 when its",
            "shard cannot be read."})
public final class ChainInfo extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the chain (network), e.g. mainnet")
    String name;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        ChainDetails c;
        try (ShardedStore store = openStore(loadConfig())) {
            c = new ChainAdmin(store).info(name);
        }
        if (json) {
            out().println(Json.write(ChainView.asMap(c, true)));
        } else {
            Fields f = new Fields()
                    .add("name", c.name())
                    .add("shard", c.shard())
                    .add("namespace", c.namespace())
                    .add("head", c.head().map(h -> h + c.headHash().map(x -> " (" + x + ")").orElse("")).orElse("-"))
                    .add("blocks", ChainView.blocks(c))
                    .add("range", ChainView.range(c))
                    .add("size", c.bytes().map(ChainView::size).orElse("?"))
                    .add("config shard", c.configShard().map(s -> s.equals(c.shard()) ? s
                            : s + " (differs: the directory is what counts; set [chains." + c.name() + "] shard = \""
                                    + c.shard() + "\")").orElse("- (not in [chains]; new chains go to the primary)"))
                    .add("deployments", c.deployments().isEmpty() ? "none" : c.deployments().size() + " ("
                            + String.join(", ", c.deployments()) + ")")
                    .add("move", c.move().map(ChainView::move).orElse("-"));
            f.print(out());
        }
        c.problem().ifPresent(p -> {
            err().println("error: chain '" + c.name() + "': its blocks cannot be read: " + p);
            err().flush();
        });
        return c.problem().isPresent() ? ExitCode.FAILURE : ExitCode.OK;
    }
}
