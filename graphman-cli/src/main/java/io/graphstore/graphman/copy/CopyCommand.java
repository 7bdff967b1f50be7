package io.graphstore.graphman.copy;

import picocli.CommandLine.Command;

/** {@code graphman copy}: copy a deployment into another shard, watch it, switch to it. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy a deployment into another shard while it keeps serving.",
            "'create' records the copy and assigns it to a node; that node ('graphman node')",
            "or 'copy run' in the foreground runs it. At most 5 copies run at once per",
            "(source shard, destination shard); more wait as queued."},
        subcommands = {CopyCreate.class, CopyRun.class, CopyList.class, CopyStatus.class, CopyActivate.class,
            CopyCancel.class, CopyVerify.class})
public final class CopyCommand {
}
