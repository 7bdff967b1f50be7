/**
 * Top-level commands about deployments and names: {@code deploy}, {@code create}, {@code remove},
 * {@code info} and {@code rewind}. They call the store's admin API ({@code DeploymentAdmin},
 * {@code InfoAdmin}, {@code DataAdmin}); a DEPLOYMENT argument is a hash, {@code HASH:SHARD},
 * a namespace {@code sgdN} or a subgraph name.
 */
package io.graphstore.graphman.deployment;
