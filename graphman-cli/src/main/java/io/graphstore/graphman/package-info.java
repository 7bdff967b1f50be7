/**
 * {@code graphman}, the admin CLI. {@link io.graphstore.graphman.Graphman} is the entry
 * point and holds the global options; each subcommand is one class in a package named after
 * its group ({@code config}, {@code database}, {@code deployment}, {@code assignment}, {@code chain},
 * {@code dev}). Commands are thin: they call store
 * APIs and format the result as a table for people or JSON ({@code --json}) for scripts.
 * Exit codes: 0 ok, 1 failure, 2 bad input.
 */
package io.graphstore.graphman;
