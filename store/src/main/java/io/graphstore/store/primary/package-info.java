/**
 * The directory, in the primary only: sites ({@code deployment_schemas}), subgraph names and
 * versions, assignments of sites to nodes, chains. {@link io.graphstore.store.primary.Directory}
 * is the one entry point; its lookups are cached in the process and the cache is dropped at
 * once on this process's writes and, through LISTEN/NOTIFY on channel
 * {@code graph_store_directory}, on anyone else's. Invariants (enforced by the schema): at
 * most one site per (hash, shard), at most one active site per hash, namespace {@code sgd<id>}.
 */
package io.graphstore.store.primary;
