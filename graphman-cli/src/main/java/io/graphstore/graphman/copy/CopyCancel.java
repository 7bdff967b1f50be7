package io.graphstore.graphman.copy;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.CopyInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman copy cancel DST}: stop a copy for good. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a copy that has not finished.",
            "Whoever runs it stops after the current batch, and it is unassigned, so the",
            "unused-deployment reaper removes it later. Cancelling twice is a no-op; a",
            "finished copy cannot be cancelled (unassign it instead). graph-node has no",
            "such command."})
public final class CopyCancel extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "DST", description = "the copy: its namespace (sgdN) or HASH:SHARD")
    String dst;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig())) {
            CopyAdmin admin = new CopyAdmin(store);
            boolean already = admin.status(dst).cancelledAt().isPresent();
            CopyInfo after = admin.cancel(dst);
            String copy = "copy " + after.dst().describe();
            if (already) {
                out().println(copy + " was already cancelled (" + CopyView.time(after.cancelledAt()) + "); state "
                        + after.state());
            } else if (after.state().equals("cancel requested")) {
                out().println(copy + ": cancel requested; the process running it stops after its current batch, then"
                        + " it is removed later as unused");
            } else {
                out().println(copy + ": cancelled at " + CopyView.progress(after) + "; it is unassigned and removed"
                        + " later as unused");
            }
        }
        return ExitCode.OK;
    }
}
