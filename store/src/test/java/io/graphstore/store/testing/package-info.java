/**
 * The test harness, shipped to other modules as store's test-jar. {@link
 * io.graphstore.store.testing.MultiShard} gives a test class a fresh, migrated multi-shard
 * store on real PostgreSQL. Where the servers come from is chosen by
 * {@code GRAPH_STORE_TEST_BACKEND}: {@code embedded} (default: one embedded server per test
 * JVM, started once), {@code external} (the superuser URLs in {@code GRAPH_STORE_TEST_PG_URLS})
 * or {@code testcontainers} (a PostgreSQL 15 container; tests skip when no Docker engine
 * exists). {@link io.graphstore.store.testing.OwnServers} starts separate server processes a
 * fault test can stop.
 */
package io.graphstore.store.testing;
