/**
 * Schema management at startup: Flyway set {@code shard} on every reachable shard and set
 * {@code primary} on the primary, all under one advisory lock held in the primary so that
 * processes starting together migrate one after the other. A shard that is down is skipped
 * with a warning and migrated on a later open.
 */
package io.graphstore.store.schema;
