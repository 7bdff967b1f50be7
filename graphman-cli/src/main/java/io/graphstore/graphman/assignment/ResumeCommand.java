package io.graphstore.graphman.assignment;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Help;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.AssignmentAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman resume DEPLOYMENT}: its node works on it again. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Resume a paused deployment on the node it is assigned to.",
            "Resuming a deployment that is not paused says so and changes nothing. One",
            "that is not assigned is bad input."})
public final class ResumeCommand extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = Help.DEPLOYMENT)
    String deployment;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig())) {
            AssignmentAdmin.Change change = new AssignmentAdmin(store).resume(deployment);
            out().println(ChangeLine.of(change, "resumed", "was not paused; running"));
        }
        return ExitCode.OK;
    }
}
