/**
 * {@code graphman database}: schema management across the shards ({@code migrate}), the
 * postgres_fdw wiring between them ({@code remap}, {@code check}) and the shards' mirrors of
 * the directory ({@code mirror}).
 */
package io.graphstore.graphman.database;
