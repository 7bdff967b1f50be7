package io.graphstore.graphman.chain;

import picocli.CommandLine.Command;

/** {@code graphman chain}: the networks deployments index, and their block data in a shard. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = {"The chains (networks) recorded in the directory and their block data:",
            "list, show, move to another shard, remove."},
        subcommands = {ChainList.class, ChainInfo.class, ChainChangeShard.class, ChainRemove.class})
public final class ChainCommand {
}
