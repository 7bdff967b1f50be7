/**
 * What a long-running node ({@code graphman node}) runs: the directory mirror refresh (every
 * shard's copy of the directory, for reads while the primary is down), the copies assigned to
 * the node (resumed where they stopped), and the replay that keeps every non-active copy
 * assigned to it following its active copy.
 */
package io.graphstore.node;
