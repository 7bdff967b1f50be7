/**
 * Benchmarks. Each measures graph-store and a baseline in the same run on the same data and
 * prints both with their ratio, as a JSON line (for scripts) and a table row (for people).
 * They start their own embedded PostgreSQL server; nothing else needs to run.
 */
package io.graphstore.bench;
