package io.graphstore.graphman.database;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.config.StoreConfig;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a shard named on the command line against the config before anything is opened, so
 * a typo is bad input (exit 2) with the list of known shards, and nothing is written.
 */
final class ShardArgument {
    private static final Pattern VALID = Pattern.compile("[a-z0-9_]{1,30}");

    private ShardArgument() {
    }

    /** {@code raw} as a configured shard this node uses; empty when the option was not given. */
    static Optional<ShardName> resolve(Config config, NodeId node, String option, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String known = String.join(", ", config.shardNames().stream().map(ShardName::value).toList());
        if (!VALID.matcher(raw).matches()) {
            throw new BadInputException(option + ": shard name " + Echo.quoted(raw) + " is invalid (known: " + known
                    + "); use the name of a [store.<name>] section");
        }
        ShardName shard = ShardName.of(raw);
        StoreConfig store = config.store(shard).orElseThrow(() -> new BadInputException(option + ": shard '" + raw
                + "' is not configured (known: " + known + "); fix the name or add [store." + raw + "]"));
        if (store.poolSize().sizeFor(node) == 0) {
            throw new BadInputException(option + ": shard '" + raw + "' has pool_size 0 for node '" + node
                    + "', so this node does not use it; run the command with a --node-id that does");
        }
        return Optional.of(shard);
    }
}
