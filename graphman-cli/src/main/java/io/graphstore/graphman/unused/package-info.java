/** {@code graphman unused}: deployments nothing uses any more, and removing them. */
package io.graphstore.graphman.unused;
