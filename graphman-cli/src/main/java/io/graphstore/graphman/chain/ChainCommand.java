package io.graphstore.graphman.chain;

import picocli.CommandLine.Command;

/** {@code graphman chain}: the networks deployments index, and their block data in a shard. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = {"List, show, move and remove chains and their block data.",
            "A chain (network) keeps its blocks in namespace chainN of one shard."},
        subcommands = {ChainList.class, ChainInfo.class, ChainChangeShard.class, ChainRemove.class})
public final class ChainCommand {
}
