package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.graphman.config.ConfigCommand;
import io.graphstore.graphman.copy.CopyCommand;
import io.graphstore.graphman.deployment.InfoCommand;
import io.graphstore.graphman.shard.ShardCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * graphman registers only the subcommand a command line names (picocli's model of every
 * command costs more than a short command's work), and every command when the line could
 * mean anything else, so help, usage and errors read as when all are registered.
 */
class SubcommandSelectionTest {
    @TempDir
    Path dir;

    @Test
    void aCommandLineNamingOneCommandRegistersOnlyIt() {
        assertThat(Graphman.subcommandsFor(new String[] {"info"})).containsExactly(InfoCommand.class);
        assertThat(Graphman.subcommandsFor(new String[] {"--config", "f.toml", "copy", "list"}))
                .containsExactly(CopyCommand.class);
        assertThat(Graphman.subcommandsFor(new String[] {"--config=f.toml", "--debug", "--node-id", "n", "config",
            "place", "a/b", "mainnet"})).containsExactly(ConfigCommand.class);
        assertThat(Graphman.subcommandsFor(new String[] {"shards", "status"})).containsExactly(ShardCommand.class);
        assertThat(Graphman.subcommandsFor(new String[] {"info", "--help"})).containsExactly(InfoCommand.class);
    }

    @Test
    void everyCommandIsRegisteredWhenTheLineMayMeanAnotherOne() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h", "info"}, {"--version"}, {"-V"}, {"help", "info"},
            {"inf"}, {"--node-id", "info", "copy", "list"}, {"--config"}, {"@args.txt"}, {"--", "info"}}) {
            assertThat(Graphman.subcommandsFor(args)).as(String.join(" ", args)).isEqualTo(Graphman.SUBCOMMANDS);
        }
    }

    @Test
    void helpAndErrorsStillKnowEveryCommand() {
        GraphmanRunner graphman = new GraphmanRunner(dir);

        var help = graphman.run("--help", "info");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("copy ").contains("shard, shards").contains("dev ");

        var typo = graphman.run("inf");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err().strip()).isEqualTo("error: Unmatched argument at index 0: 'inf'; see 'graphman --help'");

        var value = graphman.run("--node-id", "info", "copy", "list");
        assertThat(value.exit()).isEqualTo(2);
        assertThat(value.err().strip()).startsWith("error: Expected parameter for option '--node-id' but found 'info'");

        var inherited = graphman.run("copy", "list", "--config", dir.resolve("missing.toml").toString());
        assertThat(inherited.exit()).isEqualTo(2);
        assertThat(inherited.err().strip()).startsWith("error: config file '").endsWith("does not exist; check --config or GRAPH_NODE_CONFIG");
    }
}
