package io.graphstore.graphman.deployment;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Help;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeploymentInfo;
import io.graphstore.store.admin.InfoAdmin;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman info [DEPLOYMENT]}: where sites live, who runs them and how far they are. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show where deployments live, who runs them and how far they are.",
            "For each copy: names, hash, namespace, shard, network, whether it is the",
            "active copy, its node, head block and entity count. Without DEPLOYMENT,",
            "every copy as a table. A shard that cannot be read is named on the 'head'",
            "line and the exit code is 1."})
public final class InfoCommand extends GraphmanCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DEPLOYMENT", description = Help.DEPLOYMENT)
    String deployment;

    @Option(names = "--status", description = "also show health, synced at, earliest block and head block hash")
    boolean status;

    @Option(names = "--json", description = "print JSON for scripts: a list with one object per site")
    boolean json;

    @Override
    public Integer call() {
        List<DeploymentInfo> infos;
        try (ShardedStore store = openStore(loadConfig())) {
            infos = new InfoAdmin(store).info(Optional.ofNullable(deployment));
        }
        if (json) {
            out().println(Json.write(infos.stream().map(InfoView::asMap).toList()));
        } else if (infos.isEmpty()) {
            out().println("no deployments yet; create one with 'graphman deploy NAME HASH --schema FILE'");
        } else if (deployment == null && !status) {
            InfoView.printTable(infos, out());
        } else {
            for (int i = 0; i < infos.size(); i++) {
                if (i > 0) {
                    out().println();
                }
                InfoView.printBlock(infos.get(i), status, out());
            }
        }
        boolean problems = infos.stream().anyMatch(i -> i.shardProblem().isPresent());
        return problems ? ExitCode.FAILURE : ExitCode.OK;
    }
}
