/** {@code graphman chain}: the chains (networks) recorded in the directory and their block data, through {@code ChainAdmin}. */
package io.graphstore.graphman.chain;
