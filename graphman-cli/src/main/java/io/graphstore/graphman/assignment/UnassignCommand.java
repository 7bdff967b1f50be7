package io.graphstore.graphman.assignment;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Help;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.AssignmentAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman unassign DEPLOYMENT}: no node runs the site any more. */
@Command(name = "unassign", mixinStandardHelpOptions = true,
        description = {"Unassign a deployment: no node runs it any more.",
            "Its data stays; an unassigned copy that is not the active copy of a current",
            "or pending version counts as unused. A deployment that is not assigned is",
            "bad input."})
public final class UnassignCommand extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = Help.DEPLOYMENT)
    String deployment;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig())) {
            out().println(ChangeLine.move(new AssignmentAdmin(store).unassign(deployment)));
        }
        return ExitCode.OK;
    }
}
