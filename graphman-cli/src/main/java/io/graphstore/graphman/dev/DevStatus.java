package io.graphstore.graphman.dev;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.embedded.EmbeddedCluster;
import io.graphstore.store.embedded.ServerState;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman dev status}: which dev cluster servers run. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each dev cluster server with its port and pid.",
            "Exit code 1 when the cluster does not exist or a server is not running."})
public final class DevStatus extends GraphmanCommand {
    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        EmbeddedCluster cluster = devCluster();
        List<ServerState> states = cluster.status();
        if (json) {
            out().println(Json.write(Map.of("servers", ServerTable.asMaps(states),
                    "config", cluster.configFile().toString())));
        } else if (states.isEmpty()) {
            out().println("no dev cluster in " + cluster.home() + "; start one with 'graphman dev up'");
        } else {
            ServerTable.print(states, out());
        }
        boolean allUp = !states.isEmpty() && states.stream().allMatch(ServerState::running);
        return allUp ? ExitCode.OK : ExitCode.FAILURE;
    }
}
