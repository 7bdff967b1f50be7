/**
 * {@code graphman dev}: the embedded dev cluster of real PostgreSQL servers under {@code .graphman/},
 * and {@code dev index}, which fills a deployment with synthetic blocks for demos, tests and benchmarks.
 */
package io.graphstore.graphman.dev;
