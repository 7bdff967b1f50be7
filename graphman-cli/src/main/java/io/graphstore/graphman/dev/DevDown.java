package io.graphstore.graphman.dev;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import picocli.CommandLine.Command;

/** {@code graphman dev down}: stop every server of the dev cluster. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop every server of the dev cluster. The data stays for the next 'dev up'.")
public final class DevDown extends GraphmanCommand {
    @Override
    public Integer call() {
        ServerTable.print(devCluster().down(), out());
        return ExitCode.OK;
    }
}
