package io.graphstore.graphman.chain;

import picocli.CommandLine.Command;

/** {@code graphman chain}: the networks deployments index. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "Show the chains (networks) recorded in the directory.",
        subcommands = {ChainList.class})
public final class ChainCommand {
}
