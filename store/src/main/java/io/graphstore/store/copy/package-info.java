/**
 * Copying a deployment into another shard, and keeping a copy in step with the site it
 * follows. A copy keeps the source's vids. The bulk phase moves each table in vid ranges up to
 * the vid it had when the copy was created, reopening versions closed after the target block;
 * every batch commits together with its progress in {@code copy_table_state}, so a killed
 * process resumes exactly where it stopped. Catch-up and following are the same replay: in one
 * destination transaction (one snapshot of the source through postgres_fdw) the copy first
 * undoes blocks the source has reverted since (from the source's {@code revert_log}), then
 * inserts the source's versions that start after the copy's head and closes, by vid, those the
 * source closed after it. At most five copies run at once per (source shard, destination
 * shard): each running copy holds one of five advisory locks in the primary.
 */
package io.graphstore.store.copy;
