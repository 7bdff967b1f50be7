/**
 * postgres_fdw wiring between the shards. In every database: a foreign server
 * {@code shard_<name>} for every other shard with a user mapping for the connecting role
 * (altered in place when host, port, database, user or password change); schema
 * {@code primary_public} with the primary's {@code deployment_schemas}, {@code chains} and
 * {@code active_copies} (foreign tables, or plain views inside the primary); and a schema
 * {@code shard_<name>_subgraphs} per other shard with foreign tables over its metadata and
 * mirror tables. {@link io.graphstore.store.fdw.MappedTables} is the one list of what is
 * mapped where. A schema is re-imported only when its tables or its source's schema version
 * differ from what is expected; objects left by shards no longer configured are removed.
 */
package io.graphstore.store.fdw;
