/**
 * {@code graphman config}: check the config, show placement rules and pool sizes from the config
 * file alone. {@code config place} also asks the directory which shard and node would win, but
 * only when the primary answers quickly; without a database it still works.
 */
package io.graphstore.graphman.config;
