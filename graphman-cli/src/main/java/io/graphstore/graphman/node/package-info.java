/** {@code graphman node}: the long-running node process. */
package io.graphstore.graphman.node;
