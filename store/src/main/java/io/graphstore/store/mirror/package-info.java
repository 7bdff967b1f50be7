/**
 * The mirror of the primary's directory in every other shard ({@code mirror.*}), read when
 * the primary is down. {@link io.graphstore.store.mirror.MirrorRefresher} copies the directory
 * from one consistent snapshot of the primary into each shard, one transaction per shard with
 * lock and statement timeouts, and stamps {@code mirror.refresh}. {@link
 * io.graphstore.store.mirror.MirrorService} runs it on a schedule and shortly after every
 * directory change.
 */
package io.graphstore.store.mirror;
