package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken config files and arguments: each gives exit code 2 and exactly one line
 * {@code error: ...} on stderr, with no stack trace, no raw control character and no password.
 * No database is needed (the configs point at addresses nothing listens on).
 */
class ConfigBadInputTest {
    static final String PASSWORD = "s3cr3t-Pw";
    static final String PRIMARY = "[store.primary]\nconnection = \"postgresql://graph:" + PASSWORD
            + "@127.0.0.1:1/graph\"\npool_size = 10\n";

    @TempDir
    Path dir;
    Path config;
    GraphmanRunner graphman;

    @BeforeEach
    void setUp() {
        config = dir.resolve("graph-node.toml");
        graphman = new GraphmanRunner(dir);
    }

    @Test
    void anEscapeSequenceInAConfigValueIsShownEscaped() throws Exception {
        Files.writeString(config, PRIMARY + "weight = \"\\u001b[2J\\u001b[31mred\"\n");

        String line = rejected("config", "check");

        assertThat(line).isEqualTo("error: store.primary.weight: expected a non-negative integer, "
                + "got string '\\u001b[2J\\u001b[31mred'; weight is a share of query traffic, 0 or more");
    }

    @Test
    void aLongArgumentIsCutAndEscapedInTheError() throws Exception {
        Files.writeString(config, PRIMARY);

        String name = rejected("config", "place", "org/\u001b" + "x".repeat(10_000), "mainnet");
        String hash = rejected("rewind", "Qm" + "\u001b".repeat(3) + "y".repeat(10_000), "1");
        String number = rejected("rewind", "org/x", "1" + "\u001b".repeat(10_000));

        assertThat(name).startsWith("error: subgraph name 'org/\\u001b" + "x".repeat(55) + "...' (10005 chars) is invalid");
        assertThat(hash).startsWith("error: deployment hash 'Qm\\u001b\\u001b\\u001b" + "y".repeat(55)
                + "...' (10005 chars) is invalid");
        assertThat(number).contains("(10001 chars) is not an int").hasSizeLessThan(600);
    }

    @Test
    void fiftyThousandNestedArraysAreOneLineNamingTheLimit() throws Exception {
        Files.writeString(config, PRIMARY + "[general]\na = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n");

        String line = rejected("config", "check");

        assertThat(line).isEqualTo("error: " + config + ":5:105: syntax error: arrays and inline tables are nested "
                + "more than 100 levels deep; config values need only a few levels, look for a run of '[' or '{'");
    }

    @Test
    void aLatin1ConfigIsOneLineSayingWhereItStopsBeingUtf8() throws Exception {
        Files.write(config, (PRIMARY + "[general]\nname = \"caf\u00e9\"\n").getBytes(StandardCharsets.ISO_8859_1));

        String line = rejected("config", "check");

        assertThat(line).isEqualTo("error: " + config + ":5:12: the file is not UTF-8 (the bytes at byte offset "
                + (PRIMARY.length() + 21) + " are not valid UTF-8); save it as UTF-8");
    }

    @Test
    void aConfigWithAUtf8ByteOrderMarkIsAccepted() throws Exception {
        Files.write(config, ("\uFEFF" + PRIMARY).getBytes(StandardCharsets.UTF_8));

        var r = graphman.run("--config", config.toString(), "config", "check");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("config ok");
    }

    @Test
    void aPoolOfAMillionConnectionsIsRefusedWithItsPath() throws Exception {
        Files.writeString(config, PRIMARY + "fdw_pool_size = [ { node = \".*\", size = 1000000 } ]\n");

        String line = rejected("config", "check");

        assertThat(line).isEqualTo("error: store.primary.fdw_pool_size[0].size: size 1000000 is too large; use at most "
                + "1000 (each connection is a PostgreSQL server process, and max_connections is 100 by default)");
    }

    @Test
    void aConnectionWithALineBreakInTheDatabaseIsOneLineWithoutThePassword() throws Exception {
        Files.writeString(config, "[store.primary]\nconnection = \"postgresql://graph:" + PASSWORD
                + "@127.0.0.1:1/gr\\naph\"\npool_size = 10\n");

        String line = rejected("config", "check");

        assertThat(line).isEqualTo("error: store.primary.connection: must be postgresql://USER:PASSWORD@HOST[:PORT]/DB "
                + "(the database name contains a control character, '\\n'); remove it from the connection string");
    }

    /** Runs graphman with the test config; it must fail as bad input with one clean line. */
    String rejected(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        var r = graphman.run(all);
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain(PASSWORD).doesNotContain("\u001b").doesNotContain("\u0000");
        return r.err().strip();
    }
}
