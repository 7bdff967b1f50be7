/**
 * The narrow API {@code graphman} calls. Each method validates its input fully before
 * writing anything, names the values it rejects, and either completes or leaves nothing
 * behind (or can be re-run to complete: a deploy interrupted between the primary and the
 * shard is finished by running it again).
 */
package io.graphstore.store.admin;
