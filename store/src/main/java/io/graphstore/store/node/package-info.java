/**
 * What a long-running node ({@code graphman node}) runs besides serving: the directory
 * mirror refresh (every shard's copy of the directory, for reads while the primary is down).
 * Later work adds running the copies assigned to the node and the unused-deployment reaper.
 */
package io.graphstore.store.node;
