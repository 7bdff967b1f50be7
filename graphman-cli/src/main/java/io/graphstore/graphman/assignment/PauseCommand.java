package io.graphstore.graphman.assignment;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Help;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.AssignmentAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman pause DEPLOYMENT}: its node stops working on it but keeps the assignment. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = {"Pause a deployment; it stays assigned to its node.",
            "The node stops working on it until 'graphman resume'. Pausing a paused",
            "deployment says so and changes nothing. A deployment that is not assigned",
            "is bad input."})
public final class PauseCommand extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = Help.DEPLOYMENT)
    String deployment;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig())) {
            AssignmentAdmin.Change change = new AssignmentAdmin(store).pause(deployment);
            out().println(ChangeLine.of(change, "paused", "already paused"));
        }
        return ExitCode.OK;
    }
}
