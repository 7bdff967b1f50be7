package io.graphstore.graphman.chain;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.InfoAdmin;
import io.graphstore.store.primary.ChainDao;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman chain list}: every chain with the shard holding its block data. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the chains in the directory.",
            "For each: name, the shard holding its block data, its namespace there and",
            "its head block. A chain is recorded by the first deploy on it."})
public final class ChainList extends GraphmanCommand {
    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        List<ChainDao.Chain> chains;
        try (ShardedStore store = openStore(loadConfig())) {
            chains = new InfoAdmin(store).chains();
        }
        if (json) {
            out().println(Json.write(chains.stream().map(ChainList::asMap).toList()));
        } else if (chains.isEmpty()) {
            out().println("no chains yet; the first 'graphman deploy' on a network records it");
        } else {
            Table t = new Table("NAME", "SHARD", "NAMESPACE", "HEAD");
            chains.forEach(c -> t.row(c.name(), c.shard(), c.namespace(),
                    c.headBlockNumber() == null ? "-" : c.headBlockNumber()));
            t.print(out());
        }
        return ExitCode.OK;
    }

    private static Map<String, Object> asMap(ChainDao.Chain c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("shard", c.shard());
        m.put("namespace", c.namespace());
        m.put("head", c.headBlockNumber());
        return m;
    }
}
