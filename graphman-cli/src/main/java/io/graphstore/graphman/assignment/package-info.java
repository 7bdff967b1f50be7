/**
 * Top-level commands that change which node runs a site: {@code reassign}, {@code unassign},
 * {@code pause}, {@code resume}. They write the assignment table in the primary through
 * {@code AssignmentAdmin} and print one line: the site, the node before and after.
 */
package io.graphstore.graphman.assignment;
