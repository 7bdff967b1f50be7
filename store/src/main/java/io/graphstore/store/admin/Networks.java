package io.graphstore.store.admin;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.common.ShardName;
import io.graphstore.config.ChainConfig;
import io.graphstore.config.Config;
import java.util.Optional;
import java.util.regex.Pattern;

/** Network names: valid characters, and declared in [chains] when the config declares any. */
public final class Networks {
    static final String DEFAULT = "mainnet";
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private Networks() {
    }

    /**
     * The network a deploy uses: {@code network}, or {@code mainnet} when it is not given,
     * checked against the config. Needs no database, so commands call it before opening the store.
     */
    public static String resolve(Config config, Optional<String> network) {
        return validate(config, network.orElse(DEFAULT));
    }

    public static String validate(Config config, String network) {
        if (!VALID.matcher(network).matches()) {
            throw new BadInputException("network " + Echo.quoted(network) + " is invalid; use lowercase letters, digits, '-' and '_'");
        }
        if (!config.chains().chains().isEmpty() && config.chains().chain(network).isEmpty()) {
            throw new BadInputException("network '" + network + "' is not configured (known: "
                    + Echo.list(config.chains().chains().keySet()) + "); add [chains." + network
                    + "] or fix the name");
        }
        return network;
    }

    /** The shard holding the chain's block data: its [chains] entry, else the primary. */
    static ShardName shardOf(Config config, String network) {
        return config.chains().chain(network).map(ChainConfig::shard).orElse(ShardName.PRIMARY);
    }
}
