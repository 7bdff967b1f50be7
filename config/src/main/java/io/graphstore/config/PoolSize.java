package io.graphstore.config;

import io.graphstore.common.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How many connections a node keeps to one database: either the same number on every node, or
 * an ordered list of rules keyed by the node id. A size of 0 means the node does not use that
 * (non-primary) shard at all.
 */
public sealed interface PoolSize permits PoolSize.Fixed, PoolSize.ByNode {

    /**
     * The pool size for {@code node}.
     *
     * @throws ConfigException when the size is given by rules and none matches the node
     */
    int sizeFor(NodeId node);

    /** The same size on every node. */
    record Fixed(int size) implements PoolSize {
        public Fixed {
            if (size < 0) {
                throw new IllegalArgumentException("pool size " + size + " is negative");
            }
        }

        @Override
        public int sizeFor(NodeId node) {
            return size;
        }
    }

    /**
     * Sizes chosen per node: the first rule whose regex matches the whole node id wins. {@code
     * path} is the TOML path of the setting, named when no rule matches.
     */
    record ByNode(List<NodeRule> rules, String path) implements PoolSize {
        public ByNode {
            rules = List.copyOf(rules);
            Objects.requireNonNull(path, "path");
            if (rules.isEmpty()) {
                throw new IllegalArgumentException(path + " has no rules");
            }
        }

        public ByNode(List<NodeRule> rules) {
            this(rules, "pool_size");
        }

        @Override
        public int sizeFor(NodeId node) {
            for (NodeRule rule : rules) {
                if (rule.matches(node)) {
                    return rule.size();
                }
            }
            throw new ConfigException(path, "no rule matches node '" + node + "'",
                    "add a rule for it or a catch-all { node = \".*\", size = N }");
        }
    }

    /** One {@code { node = "<regex>", size = N }} rule. Equal when the regex text is equal. */
    record NodeRule(Pattern node, int size) {
        public NodeRule {
            Objects.requireNonNull(node, "node");
            if (size < 0) {
                throw new IllegalArgumentException("pool size " + size + " is negative");
            }
        }

        /** Whether the regex matches the whole node id, not just a part of it. */
        public boolean matches(NodeId id) {
            return node.matcher(id.value()).matches();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NodeRule r && r.size == size
                    && r.node.pattern().equals(node.pattern()) && r.node.flags() == node.flags();
        }

        @Override
        public int hashCode() {
            return Objects.hash(node.pattern(), size);
        }

        @Override
        public String toString() {
            return "{ node = \"" + node.pattern() + "\", size = " + size + " }";
        }
    }
}
