/**
 * Cross-shard SQL dashboards, built in every database at startup after the postgres_fdw
 * wiring: schema {@code sharded} with one union view per shard metadata table
 * ({@code select '<shard>' as shard, ...} over the local table or the mapped one), and schema
 * {@code info} with ready views for dashboards (deployments, copies, shard sizes, lagging or
 * failed deployments, activity). Both are rebuilt only when the shards they cover or their
 * definitions change (a marker comment on schema {@code sharded}).
 */
package io.graphstore.store.dashboard;
