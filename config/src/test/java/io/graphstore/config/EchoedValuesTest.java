package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import org.junit.jupiter.api.Test;

/**
 * Values from the file that reappear in an error are shown escaped (no raw control characters
 * reach the terminal) and cut after 60 characters with their length said.
 */
class EchoedValuesTest {
    private static final String PRIMARY =
            "[store.primary]\nconnection = \"postgresql://graph:pw@db/graph\"\npool_size = 10\n";
    private static final String LONG = "x".repeat(10_000);

    private static ConfigException rejected(String toml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TestFiles.parse(toml));
        assertThat(e).as("expected a ConfigException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\n").doesNotContain("\u0000");
        return e;
    }

    @Test
    void anEscapeCharacterInAValueIsShownAsAnEscape() {
        ConfigException e = rejected(PRIMARY + "weight = \"\\u001b[2Jheavy\"\n");

        assertThat(e.getMessage()).isEqualTo("store.primary.weight: expected a non-negative integer, "
                + "got string '\\u001b[2Jheavy'; weight is a share of query traffic, 0 or more");
    }

    @Test
    void aTenThousandCharacterValueIsCutAfterSixtyWithItsLength() {
        ConfigException e = rejected(PRIMARY + "weight = \"" + LONG + "\"\n");

        assertThat(e.getMessage()).contains("got string '" + "x".repeat(60) + "...' (10000 chars);")
                .hasSizeLessThan(200);
    }

    @Test
    void aStoreNameWithControlCharactersIsEscapedInThePathAndTheMessage() {
        ConfigException e = rejected(PRIMARY + "[store.\"vip\\u001b\\n\"]\nconnection = \"postgresql://u:pw@h/db\"\n");

        assertThat(e.path()).isEqualTo("store.\"vip\\u001b\\n\"");
        assertThat(e.getMessage()).contains("shard name 'vip\\u001b\\n' is invalid");
    }

    @Test
    void aVeryLongStoreNameIsCutInThePathAndTheMessage() {
        ConfigException e = rejected(PRIMARY + "[store." + LONG + "]\nconnection = \"postgresql://u:pw@h/db\"\n");

        assertThat(e.path()).isEqualTo("store.\"" + "x".repeat(60) + "... (10000 chars)\"");
        assertThat(e.getMessage()).contains("shard name '" + "x".repeat(60) + "...' (10000 chars) is invalid")
                .hasSizeLessThan(300);
    }

    @Test
    void aRuleNetworkWithANewlineIsEscapedInTheProblemAndTheHint() {
        ConfigException e = rejected(PRIMARY + "[chains.mainnet]\nshard = \"primary\"\n"
                + "[[deployment.rule]]\nmatch = { network = \"main\\nnet\\u001b\" }\nindexers = [ \"n\" ]\n"
                + "[[deployment.rule]]\nindexers = [ \"n\" ]\n");

        assertThat(e.getMessage()).isEqualTo("deployment.rule[0].match.network: network 'main\\nnet\\u001b' "
                + "is not configured in [chains] (known: mainnet); add [chains.\"main\\nnet\\u001b\"] or fix the rule");
    }

    @Test
    void aLongRuleNetworkIsCutInTheProblemAndTheHint() {
        ConfigException e = rejected(PRIMARY + "[chains.mainnet]\nshard = \"primary\"\n"
                + "[[deployment.rule]]\nmatch = { network = \"" + LONG + "\" }\nindexers = [ \"n\" ]\n"
                + "[[deployment.rule]]\nindexers = [ \"n\" ]\n");

        assertThat(e.getMessage()).hasSizeLessThan(400).contains("(10000 chars)");
    }

    @Test
    void knownNetworksWithOddNamesAreEscapedCutAndAtMostTwentyListed() {
        StringBuilder chains = new StringBuilder("[chains.\"bad\\u001bnet\"]\nshard = \"primary\"\n"
                + "[chains." + LONG + "]\nshard = \"primary\"\n");
        for (int i = 0; i < 30; i++) {
            chains.append("[chains.net").append(i).append("]\nshard = \"primary\"\n");
        }
        ConfigException e = rejected(PRIMARY + chains + "[[deployment.rule]]\nmatch = { network = \"kovan\" }\n"
                + "indexers = [ \"n\" ]\n[[deployment.rule]]\nindexers = [ \"n\" ]\n");

        assertThat(e.getMessage()).contains("(known: bad\\u001bnet, " + "x".repeat(60) + "... (10000 chars), net0, ")
                .contains(", net17, ... (32 in all))").hasSizeLessThan(500);
    }

    @Test
    void aLongEnvironmentVariableNameIsCut() {
        ConfigException e = rejected("[store.primary]\nconnection = \"postgresql://u:${" + "V".repeat(5000)
                + "}@h/db\"\n");

        assertThat(e.getMessage()).contains("environment variable '" + "V".repeat(60) + "...' (5000 chars) is not set")
                .hasSizeLessThan(300);
    }

    @Test
    void anInvalidRegexWithAnEscapeCharacterIsShownEscaped() {
        ConfigException e = rejected(PRIMARY + "fdw_pool_size = [ { node = \"\\u001b(\", size = 3 } ]\n");

        assertThat(e.getMessage()).contains("regex '\\u001b(' is not a valid regular expression");
    }

    @Test
    void anUnknownStrategyIsCutAndEscaped() {
        ConfigException e = rejected(PRIMARY + "[[deployment.rule]]\nindexers = [ \"n\" ]\nstrategy = \"\\u001b"
                + LONG + "\"\n");

        assertThat(e.getMessage()).startsWith("deployment.rule[0].strategy: '\\u001b" + "x".repeat(59) + "...' (10001 chars) is not a strategy");
    }

    @Test
    void aSyntaxErrorAboutALongDuplicateKeyShowsTheKeyCut() {
        ConfigException e = rejected(LONG + " = 1\n" + LONG + " = 2\n");

        assertThat(e.getMessage()).isEqualTo("test.toml:2:1: syntax error: " + "x".repeat(60)
                + "... (10000 chars) previously defined at line 1, column 1");
    }

    @Test
    void aSyntaxErrorInASourceWithALineBreakInItsNameStaysOnOneLine() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("a = = 1\n", "odd\nname.toml", TestFiles.env()));

        assertThat(e.getMessage()).startsWith("odd\\nname.toml:1:5: syntax error: Unexpected '='");
    }

    @Test
    void shardNamesAndNodeIdsEchoTheBadValueEscapedAndCut() {
        BadInputException shard = catchThrowableOfType(BadInputException.class, () -> ShardName.of("a\u001b[31m"));
        BadInputException node = catchThrowableOfType(BadInputException.class, () -> NodeId.of(LONG));

        assertThat(shard.getMessage()).isEqualTo("shard name 'a\\u001b[31m' is invalid; "
                + "use 1 to 30 lowercase letters, digits or underscores");
        assertThat(node.getMessage()).isEqualTo("node id '" + "x".repeat(60) + "...' (10000 chars) is 10000 bytes "
                + "long; use at most 63 bytes (graph-node's limit)");
    }
}
