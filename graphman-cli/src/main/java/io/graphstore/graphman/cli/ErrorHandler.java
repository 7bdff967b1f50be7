package io.graphstore.graphman.cli;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.common.StoreException;
import io.graphstore.graphman.Graphman;
import io.graphstore.store.pool.Failures;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Turns an exception into one line on stderr and an exit code: 2 for bad input (including
 * unknown options), 1 for everything else. The stack trace is printed only with --debug.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {
    /** A value picocli quotes in its messages, such as {@code 'ten' is not an int}. */
    private static final Pattern PICOCLI_QUOTED = Pattern.compile("'([^']*)'");

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (debug(cmd)) {
            ex.printStackTrace(err);
        }
        if (ex instanceof BadInputException) {
            err.println("error: " + oneLine(ex.getMessage()));
            return ExitCode.BAD_INPUT;
        }
        if (ex instanceof StoreException) {
            err.println("error: " + oneLine(ex.getMessage()));
            return ExitCode.FAILURE;
        }
        Optional<String> database = Failures.describe(ex);
        if (database.isPresent()) {
            err.println("error: " + oneLine(database.get()));
            return ExitCode.FAILURE;
        }
        err.println("error: " + ex.getClass().getSimpleName() + ": " + oneLine(String.valueOf(ex.getMessage()))
                + (debug(cmd) ? "" : " (run with --debug for the stack trace)"));
        return ExitCode.FAILURE;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // picocli starts some messages (mutually exclusive options) with its own "Error: "
        String message = oneLine(shortenQuoted(String.valueOf(ex.getMessage()))).replaceFirst("^Error: ", "");
        err.println("error: " + message + "; see '" + cmd.getCommandSpec().qualifiedName()
                + " --help'");
        return ExitCode.BAD_INPUT;
    }

    private static boolean debug(CommandLine cmd) {
        Object root = cmd.getCommandSpec().root().userObject();
        return root instanceof Graphman g && g.global() != null && g.global().debug();
    }

    /** The message on one line, with any control character left in it shown escaped. */
    static String oneLine(String message) {
        return message == null ? "" : Echo.escaped(message.replaceAll("\\s*\\R\\s*", " ").trim());
    }

    /** picocli quotes the raw argument; a long one is shortened like every echoed value. */
    private static String shortenQuoted(String message) {
        Matcher m = PICOCLI_QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1);
            boolean tooLong = value.codePointCount(0, value.length()) > Echo.MAX_SHOWN;
            String shown = tooLong ? Echo.quoted(value) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        return m.appendTail(out).toString();
    }
}
