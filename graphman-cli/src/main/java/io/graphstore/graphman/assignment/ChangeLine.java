package io.graphstore.graphman.assignment;

import io.graphstore.store.admin.AssignmentAdmin;

/** The one line each assignment command prints: the site, then what happened to it. */
final class ChangeLine {
    private ChangeLine() {
    }

    /** {@code sgd3 (Qm… in shard_a): node default -> index_node_1}. */
    static String move(AssignmentAdmin.Change c) {
        String before = c.before().orElse("unassigned");
        String after = c.after().orElse("unassigned");
        return c.site().describe() + ": node " + before + " -> " + after + (c.changed() ? "" : " (unchanged)");
    }

    static String of(AssignmentAdmin.Change c, String done, String already) {
        String node = c.after().or(c::before).orElse("?");
        return c.site().describe() + ": " + (c.changed() ? done : already) + " on node " + node;
    }
}
