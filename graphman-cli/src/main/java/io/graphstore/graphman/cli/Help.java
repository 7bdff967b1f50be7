package io.graphstore.graphman.cli;

/** Help texts several commands share, so every command explains an argument the same way. */
public final class Help {
    /** How a DEPLOYMENT argument may be written. */
    public static final String DEPLOYMENT = "the deployment: a hash (Qm…), HASH:SHARD for one copy, "
            + "a namespace (sgdN) or a subgraph name (its current version)";

    private Help() {
    }
}
