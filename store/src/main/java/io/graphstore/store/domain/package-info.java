/**
 * Value records that validate themselves in their compact constructor, so a raw string never
 * travels past the CLI or JDBI edge: subgraph names, deployment hashes, namespaces, sites.
 * An invalid value throws {@link io.graphstore.common.BadInputException} naming the value.
 */
package io.graphstore.store.domain;
