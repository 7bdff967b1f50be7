/**
 * Types every graph-store module shares: the root exception, the bad-input exception that
 * maps to exit code 2, the {@link io.graphstore.common.Secret} wrapper that never prints its
 * value, and the two names that appear in the config file ({@link
 * io.graphstore.common.ShardName}, {@link io.graphstore.common.NodeId}), and {@link
 * io.graphstore.common.Echo}, which every error message uses to repeat a user's value escaped
 * and shortened. No database code.
 */
package io.graphstore.common;
