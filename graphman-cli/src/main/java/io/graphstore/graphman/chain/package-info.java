/** {@code graphman chain}: the chains (networks) recorded in the directory, read through {@code InfoAdmin}. */
package io.graphstore.graphman.chain;
