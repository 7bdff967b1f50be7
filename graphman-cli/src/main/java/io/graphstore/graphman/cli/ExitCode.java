package io.graphstore.graphman.cli;

/** The exit codes of graphman. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
