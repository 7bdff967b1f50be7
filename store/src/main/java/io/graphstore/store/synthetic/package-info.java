/**
 * A synthetic indexer: a deterministic workload of creates, updates, deletes and reverts
 * written through the store API, for demos, tests and benchmarks. The same seed, schema and
 * start block always produce the same data.
 */
package io.graphstore.store.synthetic;
