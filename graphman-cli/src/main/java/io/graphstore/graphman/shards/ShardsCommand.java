package io.graphstore.graphman.shards;

import picocli.CommandLine.Command;

/** {@code graphman shards}: the configured shards as this process sees them. */
@Command(name = "shards", mixinStandardHelpOptions = true,
        description = "Show the configured shards: reachability, breakers, pools, what they hold.",
        subcommands = {ShardsStatus.class})
public final class ShardsCommand {
}
