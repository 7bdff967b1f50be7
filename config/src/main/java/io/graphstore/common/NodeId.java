package io.graphstore.common;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The id of a graph-store process ({@code index_node_0}, {@code index-node-0}). As in
 * graph-node, any text of 1 to 63 bytes (in UTF-8) is an id; graph-store also refuses control
 * and invisible format characters, which could only be a mistake and would garble output.
 * Deployments are assigned to nodes; pool sizes are chosen by matching rules against it.
 */
public record NodeId(String value) implements Comparable<NodeId> {
    /** The longest id in bytes, graph-node's limit. */
    public static final int MAX_BYTES = 63;
    public static final NodeId DEFAULT = new NodeId("default");

    public NodeId {
        problem(value).ifPresent(invalid -> {
            throw new BadInputException(invalid.problem() + "; " + invalid.hint());
        });
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    /** Why a text is not a node id ({@code node id 'x...' is 70 bytes long}), and what to do. */
    public record Invalid(String problem, String hint) {
    }

    /** What is wrong with {@code value} as a node id, or empty when it is a valid id. */
    public static Optional<Invalid> problem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(new Invalid("node id is empty",
                    "use 1 to " + MAX_BYTES + " characters, e.g. index_node_0"));
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of(new Invalid("node id " + Echo.quoted(value) + " is " + bytes
                    + " bytes long", "use at most " + MAX_BYTES + " bytes (graph-node's limit)"));
        }
        if (value.codePoints().anyMatch(Echo::isUnprintable)) {
            return Optional.of(new Invalid("node id " + Echo.quoted(value)
                    + " contains a control or invisible character", "remove it"));
        }
        return Optional.empty();
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
