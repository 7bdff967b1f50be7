/**
 * {@code graphman copy}: copying a deployment into another shard. {@code create} records the
 * copy and assigns it to a node, {@code run} runs it in the foreground, {@code list} and
 * {@code status} show how far copies are, {@code activate} switches which copy is active and
 * {@code cancel} stops one. Every command calls {@link io.graphstore.store.admin.CopyAdmin}
 * or {@link io.graphstore.store.copy.CopyRunner}; {@link io.graphstore.graphman.copy.CopyView}
 * formats what they return.
 */
package io.graphstore.graphman.copy;
