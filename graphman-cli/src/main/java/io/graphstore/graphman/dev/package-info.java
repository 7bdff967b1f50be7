/** {@code graphman dev}: the embedded dev cluster of real PostgreSQL servers under {@code .graphman/}. */
package io.graphstore.graphman.dev;
