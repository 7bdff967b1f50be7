package io.graphstore.graphman.unused;

import picocli.CommandLine.Command;

/** {@code graphman unused}: record, list and remove unused deployments. */
@Command(name = "unused", mixinStandardHelpOptions = true,
        description = {"Record, list and remove deployments nothing uses.",
            "Unused: not assigned to a node, not the active copy of a current or pending version, not the source of a copy in progress. 'graphman node' records and",
            "removes them on its own (after GRAPH_STORE_UNUSED_REMOVE_AFTER_MS, 6 h)."},
        subcommands = {UnusedRecord.class, UnusedList.class, UnusedRemove.class})
public final class UnusedCommand {
}
