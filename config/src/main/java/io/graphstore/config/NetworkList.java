package io.graphstore.config;

import static io.graphstore.config.TomlValues.index;

import io.graphstore.common.Echo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tomlj.TomlArray;

/**
 * Reads a rule's {@code match.network}: one name or a list. When the config declares chains,
 * every name must be one of them; without any {@code [chains.<net>]}, any name is accepted.
 */
final class NetworkList {
    private static final String HINT = "write network = \"mainnet\" or network = [ \"a\", \"b\" ]";

    private NetworkList() {
    }

    static List<String> read(Object value, String path, Set<String> known) {
        if (value instanceof String single) {
            return List.of(known(single, path, known));
        }
        TomlArray array = TomlValues.array(value, path, "a string or an array of strings", HINT);
        if (array.isEmpty()) {
            throw new ConfigException(path, "the list is empty",
                    "name at least one network or remove network to match any");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String itemPath = index(path, i);
            result.add(known(TomlValues.string(array.get(i), itemPath, HINT), itemPath, known));
        }
        return result;
    }

    private static String known(String network, String path, Set<String> known) {
        if (!known.isEmpty() && !known.contains(network)) {
            throw new ConfigException(path, "network " + TomlValues.quoted(network)
                    + " is not configured in [chains] (known: " + Echo.list(known) + ")",
                    "add [" + TomlValues.child("chains", network) + "] or fix the rule");
        }
        return network;
    }
}
