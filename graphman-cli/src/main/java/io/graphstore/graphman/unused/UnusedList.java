package io.graphstore.graphman.unused;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.UnusedAdmin;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman unused list}: recorded unused deployments, removed ones included unless --existing. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the recorded unused deployments (the history of removed ones too, unless --existing).")
public final class UnusedList extends GraphmanCommand {
    @Option(names = "--existing", description = "only those not removed yet")
    boolean existing;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig())) {
            List<UnusedAdmin.Unused> rows = new UnusedAdmin(store).list(existing);
            if (json) {
                out().println(Json.write(UnusedTable.asMaps(rows)));
            } else if (rows.isEmpty()) {
                out().println(existing ? "no unused deployments" : "no unused deployments recorded");
            } else {
                UnusedTable.print(rows, out());
            }
            return ExitCode.OK;
        }
    }
}
