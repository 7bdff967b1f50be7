/**
 * The plumbing every subcommand shares: the base class that finds the config, node id and
 * store, the error handler that turns exceptions into one line and an exit code, and the
 * table and JSON printers.
 */
package io.graphstore.graphman.cli;
