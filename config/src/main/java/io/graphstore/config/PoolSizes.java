package io.graphstore.config;

import static io.graphstore.config.TomlValues.child;
import static io.graphstore.config.TomlValues.index;

import java.util.ArrayList;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** Reads {@code pool_size} and {@code fdw_pool_size}: an integer or a list of node rules. */
final class PoolSizes {
    static final int MIN = 2;
    /**
     * Far more than any node needs: every connection is a PostgreSQL server process, and a
     * server allows 100 connections by default (max_connections).
     */
    static final int MAX = 1000;
    private static final String MAX_HINT = "use at most " + MAX + " (each connection is a "
            + "PostgreSQL server process, and max_connections is 100 by default)";
    /** The regex of a rule that names no node: every node. */
    static final String ANY_NODE = ".*";
    private static final String FORMS = "write a number like 10 or rules like "
            + "[ { node = \"index_node_.*\", size = 10 } ]";

    private PoolSizes() {
    }

    /**
     * @param zeroAllowed whether 0 ("this node ignores this shard") is allowed, which is the
     *                    case everywhere except on the primary
     */
    static PoolSize read(Object v, String path, boolean zeroAllowed) {
        if (v instanceof Long) {
            return new PoolSize.Fixed(size(v, path, zeroAllowed));
        }
        if (v instanceof TomlArray rules) {
            return byNode(rules, path, zeroAllowed);
        }
        throw TomlValues.typeError(path, "an integer or a list of { node, size } rules", v, FORMS);
    }

    private static PoolSize byNode(TomlArray array, String path, boolean zeroAllowed) {
        if (array.isEmpty()) {
            throw new ConfigException(path, "the list of rules is empty", FORMS);
        }
        List<PoolSize.NodeRule> rules = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String rulePath = index(path, i);
            TomlTable rule = TomlValues.table(array.get(i), rulePath,
                    "each rule is an inline table { node = \"<regex>\", size = N }");
            String nodePath = child(rulePath, "node");
            // as in graph-node, a rule without node applies to every node
            String regex = TomlValues.get(rule, "node").map(v -> TomlValues.string(v, nodePath,
                    "node is a regular expression matched against the whole node id"))
                    .orElse(ANY_NODE);
            String sizePath = child(rulePath, "size");
            int size = size(TomlValues.get(rule, "size").orElseThrow(() -> new ConfigException(
                    sizePath, "missing", "every rule needs a size: { node = \"<regex>\", size = N }")),
                    sizePath, zeroAllowed);
            rules.add(new PoolSize.NodeRule(TomlValues.regex(regex, nodePath), size));
        }
        return new PoolSize.ByNode(rules, path);
    }

    private static int size(Object value, String path, boolean zeroAllowed) {
        String hint = zeroAllowed
                ? "use at least " + MIN + ", or 0 to make the matching nodes ignore this shard"
                : "use at least " + MIN;
        long size = TomlValues.integer(value, path, "an integer", hint);
        if (size == 0 && !zeroAllowed) {
            throw new ConfigException(path, "size 0 is not allowed on the primary",
                    "every node needs primary connections, " + hint);
        }
        if (size < 0) {
            throw new ConfigException(path, "size " + size + " is negative", hint);
        }
        if (size != 0 && size < MIN) {
            throw new ConfigException(path, "size " + size + " is too small", hint);
        }
        if (size > MAX) {
            throw new ConfigException(path, "size " + size + " is too large", MAX_HINT);
        }
        return (int) size;
    }
}
