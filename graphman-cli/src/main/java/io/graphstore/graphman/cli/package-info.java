/**
 * The plumbing every subcommand shares: the base class that finds the config, node id and
 * store, the error handler that turns exceptions into one line and an exit code, the table,
 * field-block and JSON printers, the progress bar on stderr, and help texts shared by
 * several commands.
 */
package io.graphstore.graphman.cli;
