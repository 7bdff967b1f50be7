/** {@code graphman shards}: the topology of the configured shards. */
package io.graphstore.graphman.shards;
