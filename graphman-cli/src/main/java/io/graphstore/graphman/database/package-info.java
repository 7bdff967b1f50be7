/** {@code graphman database}: schema management across the shards. */
package io.graphstore.graphman.database;
