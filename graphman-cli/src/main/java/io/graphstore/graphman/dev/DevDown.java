package io.graphstore.graphman.dev;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import picocli.CommandLine.Command;

/** {@code graphman dev down}: stop every server of the dev cluster. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Stop every server of the dev cluster.",
            "The data stays for the next 'dev up', unless --purge removes it."})
public final class DevDown extends GraphmanCommand {
    @picocli.CommandLine.Option(names = "--purge",
            description = "also remove the cluster's directory (.graphman/: data, logs, config, passwords)")
    boolean purge;

    @Override
    public Integer call() {
        var cluster = devCluster();
        if (!purge) {
            ServerTable.print(cluster.down(), out());
            return ExitCode.OK;
        }
        boolean existed = java.nio.file.Files.isDirectory(cluster.home());
        ServerTable.print(cluster.purge(), out());
        out().println(existed ? "removed " + cluster.home() : "nothing to remove: " + cluster.home() + " does not exist");
        return ExitCode.OK;
    }
}
