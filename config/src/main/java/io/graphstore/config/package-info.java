/**
 * The graph-node compatible TOML configuration: {@link io.graphstore.config.ConfigLoader}
 * turns a file into an immutable, fully validated {@link io.graphstore.config.Config}
 * (stores with their pools and replicas, chains, deployment placement rules).
 *
 * <p>Invariants: a {@code Config} always has a {@code primary} store and ends with a
 * catch-all deployment rule; every shard named by a chain or a rule is configured; a database
 * password lives only in a {@link io.graphstore.common.Secret} and never reaches
 * {@code toString()}, {@link io.graphstore.config.Config#describe()} or an exception message.
 * Every problem is reported as one {@link io.graphstore.config.ConfigException} naming the TOML
 * path. Keys graph-node understands but graph-store does not use are accepted and ignored.
 *
 * <p>No database code lives here; this package never opens a connection.
 */
package io.graphstore.config;
