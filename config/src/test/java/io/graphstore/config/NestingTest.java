package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Deeply nested arrays and inline tables are rejected cleanly instead of overflowing the stack. */
class NestingTest {
    private static final String PRIMARY =
            "[store.primary]\nconnection = \"postgresql://graph:pw@db/graph\"\npool_size = 10\n";

    private static ConfigException rejected(String toml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TestFiles.parse(toml));
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e;
    }

    @Test
    void fiftyThousandNestedArraysAreASyntaxErrorAtTheFirstBracketPastTheLimit() {
        ConfigException e = rejected("a = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");

        assertThat(e.line()).hasValue(1);
        assertThat(e.column()).hasValue(4 + 101);
        assertThat(e.getMessage()).isEqualTo("test.toml:1:105: syntax error: arrays and inline tables are "
                + "nested more than 100 levels deep; config values need only a few levels, look for a run of '[' or '{'");
    }

    @Test
    void unclosedBracketsAreCaughtToo() {
        ConfigException e = rejected(PRIMARY + "fdw_pool_size = " + "[".repeat(50_000));

        assertThat(e.line()).hasValue(4);
        assertThat(e.column()).hasValue(17 + 100);
    }

    @Test
    void nestedInlineTablesAndArraysCountTogether() {
        ConfigException e = rejected(PRIMARY + "[general]\nx = " + "{ a = [ ".repeat(30_000) + "1"
                + " ] }".repeat(30_000) + "\n");

        assertThat(e.line()).hasValue(5);
        assertThat(e.getMessage()).startsWith("test.toml:5:").contains("nested more than 100 levels deep");
    }

    @Test
    void aHundredLevelsAreStillRead() {
        Config config = TestFiles.parse(PRIMARY + "[general]\nx = " + "[".repeat(100) + "]".repeat(100) + "\n"
                + "y = " + "{ a = ".repeat(50) + "[".repeat(50) + "]".repeat(50) + " }".repeat(50) + "\n");

        assertThat(config.primary().connection().host()).isEqualTo("db");
    }

    @Test
    void bracketsInsideStringsAndCommentsDoNotCount() {
        String many = "[".repeat(500) + "{".repeat(500);
        Config config = TestFiles.parse(PRIMARY + "# " + many + "\n[general]\n"
                + "basic = \"" + many + " \\\" " + many + "\"\n"
                + "literal = '" + many + "\\'\n"
                + "multi = \"\"\"\n" + many + "\n\\\"\"\"" + many + "\"\"\"\"\"\n"
                + "multi_literal = '''" + many + "\n" + many + "'''''\n"
                + "last = [ [ 1 ] ] # " + many + "\n");

        assertThat(config.primary().connection().database()).isEqualTo("graph");
    }

    @Test
    void aStackOverflowInTheParserIsStillBadInput() throws InterruptedException {
        // 99 levels pass the check; parsing them with less and less stack left must end in a
        // ConfigException, never in a StackOverflowError
        String toml = PRIMARY + "[general]\nx = " + "[{ a = ".repeat(49) + "[ 1 ]" + " }]".repeat(49) + "\n";
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread small = new Thread(null, () -> thrown.set(firstFailure(toml)), "small-stack", 256 * 1024);
        small.start();
        small.join();

        // usually "is nested too deeply to be read on this thread's stack"; when the overflow
        // hits inside a regex tomlj compiles, Java turns it into a PatternSyntaxException
        assertThat(thrown.get()).isInstanceOf(ConfigException.class);
        assertThat(thrown.get().getMessage()).startsWith("config 'test.toml' ").doesNotContain("\n");
    }

    /** Parses {@code toml} a few stack frames deeper each time until parsing throws. */
    private static Throwable firstFailure(String toml) {
        return firstFailure(toml, 0);
    }

    private static Throwable firstFailure(String toml, int depth) {
        if (depth % 8 == 0) {
            try {
                TestFiles.parse(toml);
            } catch (Throwable t) {
                return t;
            }
        }
        return firstFailure(toml, depth + 1);
    }
}
