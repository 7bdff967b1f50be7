package io.graphstore.graphman.shard;

import picocli.CommandLine.Command;

/** {@code graphman shard} (also {@code shards}): the configured shards and their lifecycle. */
@Command(name = "shard", aliases = "shards", mixinStandardHelpOptions = true,
        description = {"Show the shards and manage their lifecycle.",
            "status, cordon, uncordon, plan, rebalance, drain, remove-check.",
            "'shard' and 'shards' are the same command."},
        subcommands = {ShardStatusCommand.class, ShardCordon.class, ShardUncordon.class, ShardPlan.class,
            ShardRebalance.class, ShardDrain.class, ShardRemoveCheck.class})
public final class ShardCommand {
}
