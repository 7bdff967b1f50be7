package io.graphstore.graphman.unused;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.UnusedAdmin;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman unused record}: note deployments that became unused. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record the deployments that became unused; forget recorded ones that are used again.")
public final class UnusedRecord extends GraphmanCommand {
    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig())) {
            List<UnusedAdmin.Unused> fresh = new UnusedAdmin(store).record();
            if (json) {
                out().println(Json.write(UnusedTable.asMaps(fresh)));
            } else if (fresh.isEmpty()) {
                out().println("no newly unused deployments");
            } else {
                out().println("recorded " + fresh.size() + " deployment" + (fresh.size() == 1 ? "" : "s") + " as unused:");
                UnusedTable.print(fresh, out());
            }
            return ExitCode.OK;
        }
    }
}
