package io.graphstore.store.pool;

import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementException;
import org.postgresql.util.PSQLException;

/**
 * One line for a database failure that reached the top without a message of ours: the shard
 * (from the statement's context), the server's own message without the SQL or its arguments,
 * the SQLSTATE, and what to do. What a CLI prints instead of a stack trace.
 */
public final class Failures {
    private Failures() {
    }

    /** The line for {@code e}, or empty when no database error is in its causes. */
    public static Optional<String> describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ShardUnavailableException u) {
                return Optional.of(u.getMessage());
            }
        }
        SQLException sql = null;
        Optional<String> shard = Optional.empty();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StatementException s && s.getStatementContext() != null && shard.isEmpty()) {
                shard = Optional.ofNullable(s.getStatementContext().getAttribute(ShardPool.SHARD_ATTRIBUTE))
                        .map(String::valueOf);
            }
            if (t instanceof SQLException s && sql == null) {
                sql = s;
            }
        }
        if (sql == null) {
            return Optional.empty();
        }
        String state = Optional.ofNullable(sql.getSQLState()).orElse("");
        return Optional.of(shard.map(s -> "shard '" + s + "': ").orElse("database error: ") + serverMessage(sql)
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")") + "; " + hint(state));
    }

    /** The server's message alone: no "ERROR:" prefix, no statement, no arguments, one line. */
    static String serverMessage(SQLException e) {
        String msg = e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null
                        ? p.getServerErrorMessage().getMessage() : String.valueOf(e.getMessage());
        msg = msg.replaceFirst("^(ERROR|FATAL): +", "");
        int nl = msg.indexOf('\n');
        return (nl < 0 ? msg : msg.substring(0, nl)).trim();
    }

    static String hint(String state) {
        if (state.equals("25006")) {
            return "the server accepts no writes (a standby, or default_transaction_read_only is on);"
                    + " point the shard's connection at its writable server";
        }
        if (state.equals("57014")) {
            return "the statement was cancelled, usually by the statement timeout; raise"
                    + " GRAPH_STORE_STATEMENT_TIMEOUT_MS or check the server's load";
        }
        if (state.equals("42501")) {
            return "permission denied: the role lacks a privilege, or the server cannot write its files"
                    + " (a read-only or full disk); see the server's log";
        }
        if (state.equals("42P01") || state.equals("42703") || state.equals("3F000")) {
            return "the shard's schema is not what this version expects; run 'graphman database migrate'";
        }
        if (state.startsWith("40") || state.equals("55P03")) {
            return "a concurrent change got in the way; run the command again";
        }
        if (state.startsWith("53") || state.startsWith("58")) {
            return "the server is out of a resource or cannot write its files (disk full or read-only,"
                    + " memory, connections); see the server's log";
        }
        return "see the server's log, and run with --debug for the stack trace";
    }
}
