/**
 * The Flyway SQL of graph-store (under {@code db/shard} and {@code db/primary} on the
 * classpath) and the names of its two migration sets. Nothing here talks to a database.
 */
package io.graphstore.migrations;
