package io.graphstore.common;

import java.util.regex.Pattern;

/**
 * The id of a graph-store process ({@code index_node_0}): 1 to 63 of {@code [a-z0-9_]}, the
 * same rule graph-node applies. Deployments are assigned to nodes; pool sizes are chosen by
 * matching rules against it.
 */
public record NodeId(String value) implements Comparable<NodeId> {
    // VALID must be initialised before the constants below, which the constructor checks.
    private static final Pattern VALID = Pattern.compile("[a-z0-9_]{1,63}");
    public static final NodeId DEFAULT = new NodeId("default");

    public NodeId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new BadInputException("node id " + Echo.quoted(value)
                    + " is invalid; use 1 to 63 lowercase letters, digits or underscores");
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
