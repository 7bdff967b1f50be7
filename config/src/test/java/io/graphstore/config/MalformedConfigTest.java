package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedConfigTest {
    private static final String PW = TestFiles.PASSWORD;
    private static final String URL = "postgresql://graph:" + PW + "@db.internal/graph";
    private static final String PRIMARY_CONN = "[store.primary]\nconnection = \"" + URL + "\"\n";
    private static final String PRIMARY = PRIMARY_CONN + "pool_size = 10\n";
    private static final String SHARD_A_CONN = "[store.shard_a]\nconnection = \"" + URL + "\"\n";
    private static final String SHARD_A = SHARD_A_CONN + "pool_size = 10\n";
    private static final String RULE = "[[deployment.rule]]\nindexers = [ \"index_node_0\" ]\n";

    static Stream<Arguments> malformedConfigs() {
        return Stream.of(
                bad("no store section", "[general]\nquery = \"q.*\"\n",
                        "store.primary", "is missing"),
                bad("no primary store", SHARD_A, "store.primary", "every config needs [store.primary]"),
                bad("store is not a table", "store = \"" + URL + "\"\n", "store", "expected a table, got string (not shown"),
                bad("store name with capitals", PRIMARY + "[store.Shard_A]\nconnection = \"" + URL + "\"\n",
                        "store.Shard_A", "shard name 'Shard_A' is invalid"),
                bad("primary is not a table", "[store]\nprimary = \"" + URL + "\"\n",
                        "store.primary", "expected a table, got string (not shown"),
                bad("connection missing", "[store.primary]\npool_size = 10\n",
                        "store.primary.connection", "missing"),
                bad("connection not a string", "[store.primary]\nconnection = 5432\n",
                        "store.primary.connection", "expected a string, got integer"),
                bad("connection with another scheme", "[store.primary]\nconnection = \"mysql://graph:" + PW + "@db/graph\"\n",
                        "store.primary.connection", "scheme must be postgresql:// or postgres://"),
                bad("libpq key value connection", "[store.primary]\nconnection = \"host=db user=graph password=" + PW + "\"\n",
                        "store.primary.connection", "scheme must be"),
                bad("connection without password", "[store.primary]\nconnection = \"postgresql://graph@db/graph\"\n",
                        "store.primary.connection", "(password missing)"),
                bad("connection with empty password", "[store.primary]\nconnection = \"postgresql://graph:@db/graph\"\n",
                        "store.primary.connection", "(password missing)"),
                bad("connection without database", "[store.primary]\nconnection = \"postgresql://graph:" + PW + "@db\"\n",
                        "store.primary.connection", "(database missing)"),
                bad("connection with bad port", "[store.primary]\nconnection = \"postgresql://graph:" + PW + "@db:99999/graph\"\n",
                        "store.primary.connection", "port must be a number from 1 to 65535"),
                bad("password with raw slash", "[store.primary]\nconnection = \"postgresql://graph:" + PW + "/x@db/graph\"\n",
                        "store.primary.connection", "not percent-encoded"),
                bad("password with bad percent escape", "[store.primary]\nconnection = \"postgresql://graph:" + PW + "%zz@db/graph\"\n",
                        "store.primary.connection", "invalid percent-encoding in the password"),
                bad("connection with a line break in the database", "[store.primary]\nconnection = \"postgresql://graph:"
                        + PW + "@db/gr\\naph\"\n", "store.primary.connection",
                        "(the database name contains a control character, '\\n'); remove it from the connection string"),
                bad("connection with a NUL in the user", "[store.primary]\nconnection = \"postgresql://gr\\u0000aph:"
                        + PW + "@db/graph\"\n", "store.primary.connection", "(the user contains a control character, '\\u0000')"),
                bad("connection with a raw hash in the password", "[store.primary]\nconnection = \"postgresql://graph:"
                        + PW + "#1@db/graph\"\n", "store.primary.connection",
                        "(a '#' in the password is not percent-encoded); write it as %23"),
                bad("replica with an IPv6 address without brackets", PRIMARY + "[store.primary.replicas.repl1]\n"
                        + "connection = \"postgresql://graph:" + PW + "@::1:5432/graph\"\n",
                        "store.primary.replicas.repl1.connection",
                        "(an IPv6 address must be in brackets); write it like [::1]:5432"),
                bad("connection with a host longer than DNS allows", SHARD_A.replace("db.internal", "h".repeat(254)) + PRIMARY,
                        "store.shard_a.connection", "(the host name is 254 characters long; DNS names have at most 253)"),
                bad("connection whose variable holds a line break", "[store.primary]\nconnection = \"postgresql://graph:"
                        + PW + "@db/${BAD_DB}\"\n", "store.primary.connection",
                        "(the database name contains a control character, '\\n')"),
                bad("unset environment variable", "[store.primary]\nconnection = \"postgresql://graph:${PG_MISSING}@db/graph\"\n",
                        "store.primary.connection", "environment variable 'PG_MISSING' is not set; export it"),
                bad("pool size is a string", PRIMARY_CONN + "pool_size = \"ten\"\n",
                        "store.primary.pool_size", "expected an integer or a list of { node, size } rules, got string 'ten'"),
                bad("pool size of one", PRIMARY_CONN + "pool_size = 1\n",
                        "store.primary.pool_size", "size 1 is too small"),
                bad("pool size zero on primary", PRIMARY_CONN + "pool_size = 0\n",
                        "store.primary.pool_size", "size 0 is not allowed on the primary"),
                bad("negative pool size", PRIMARY + SHARD_A_CONN + "pool_size = -3\n",
                        "store.shard_a.pool_size", "size -3 is negative"),
                bad("pool rule without size", PRIMARY + SHARD_A_CONN
                        + "pool_size = [ { node = \"a_.*\", size = 3 }, { node = \"b_.*\" } ]\n",
                        "store.shard_a.pool_size[1].size", "missing"),
                bad("pool rule with bad regex", PRIMARY + SHARD_A_CONN + "pool_size = [ { node = \"index_(\", size = 3 } ]\n",
                        "store.shard_a.pool_size[0].node", "regex 'index_(' is not a valid regular expression: Unclosed group"),
                bad("pool rule size is a float", PRIMARY + SHARD_A_CONN + "pool_size = [ { node = \".*\", size = 2.5 } ]\n",
                        "store.shard_a.pool_size[0].size", "expected an integer, got float 2.5"),
                bad("pool rule is not a table", PRIMARY + SHARD_A_CONN + "pool_size = [ { node = \".*\", size = 3 }, 4 ]\n",
                        "store.shard_a.pool_size[1]", "expected a table, got integer 4"),
                bad("pool rules empty", PRIMARY + SHARD_A_CONN + "pool_size = []\n",
                        "store.shard_a.pool_size", "the list of rules is empty"),
                bad("pool rule zero on primary", PRIMARY_CONN + "pool_size = [ { node = \".*\", size = 0 } ]\n",
                        "store.primary.pool_size[0].size", "size 0 is not allowed on the primary"),
                bad("fdw pool size of one", PRIMARY + "fdw_pool_size = 1\n",
                        "store.primary.fdw_pool_size", "size 1 is too small"),
                bad("pool size of a million", PRIMARY_CONN + "pool_size = 1000000\n",
                        "store.primary.pool_size", "size 1000000 is too large; use at most 1000 (each connection "
                        + "is a PostgreSQL server process, and max_connections is 100 by default)"),
                bad("pool size just above the maximum", PRIMARY + SHARD_A_CONN + "pool_size = 1001\n",
                        "store.shard_a.pool_size", "size 1001 is too large; use at most 1000"),
                bad("pool size beyond a long", PRIMARY_CONN + "pool_size = 9223372036854775807\n",
                        "store.primary.pool_size", "size 9223372036854775807 is too large"),
                bad("fdw pool size of a million", PRIMARY + "fdw_pool_size = 1000000\n",
                        "store.primary.fdw_pool_size", "size 1000000 is too large"),
                bad("pool rule size of a million", PRIMARY + SHARD_A_CONN
                        + "pool_size = [ { node = \"a_.*\", size = 3 }, { node = \".*\", size = 1000000 } ]\n",
                        "store.shard_a.pool_size[1].size", "size 1000000 is too large"),
                bad("fdw pool rule size of a million", PRIMARY
                        + "fdw_pool_size = [ { node = \".*\", size = 1000000 } ]\n",
                        "store.primary.fdw_pool_size[0].size", "size 1000000 is too large"),
                bad("replica pool size of a million", PRIMARY + "[store.primary.replicas.repl1]\nconnection = \""
                        + URL + "\"\npool_size = 1000000\n", "store.primary.replicas.repl1.pool_size", "too large"),
                bad("negative weight", PRIMARY + "weight = -1\n",
                        "store.primary.weight", "value -1 is negative"),
                bad("weight is a string", PRIMARY + "weight = \"heavy\"\n",
                        "store.primary.weight", "expected a non-negative integer, got string 'heavy'"),
                bad("replica with invalid name", PRIMARY + "[store.primary.replicas.Repl-1]\nconnection = \"" + URL + "\"\n",
                        "store.primary.replicas.Repl-1", "replica name 'Repl-1' is invalid"),
                bad("replica without connection", PRIMARY + "[store.primary.replicas.repl1]\nweight = 1\n",
                        "store.primary.replicas.repl1.connection", "missing"),
                bad("replica with bad pool size", PRIMARY + "[store.primary.replicas.repl1]\nconnection = \""
                        + URL + "\"\npool_size = 1\n", "store.primary.replicas.repl1.pool_size", "too small"),
                bad("replica with bad weight", PRIMARY + "[store.primary.replicas.repl1]\nconnection = \""
                        + URL + "\"\nweight = true\n", "store.primary.replicas.repl1.weight", "got boolean true"),
                bad("ingestor with a control character", PRIMARY + "[chains]\ningestor = \"block\\u0007ingestor\"\n",
                        "chains.ingestor", "node id 'block\\u0007ingestor' contains a control or invisible character; remove it"),
                bad("empty ingestor", PRIMARY + "[chains]\ningestor = \"\"\n", "chains.ingestor", "node id is empty"),
                bad("chain on unknown shard", PRIMARY + SHARD_A + "[chains.mainnet]\nshard = \"vip\"\n",
                        "chains.mainnet.shard", "shard 'vip' is not configured (known: primary, shard_a); add [store.vip] or fix the chain"),
                bad("chain without shard", PRIMARY + "[chains.mainnet]\nprovider = []\n",
                        "chains.mainnet.shard", "missing"),
                bad("chain shard not a string", PRIMARY + "[chains.mainnet]\nshard = 1\n",
                        "chains.mainnet.shard", "expected a string, got integer 1"),
                bad("deployment without rules", PRIMARY + "[deployment]\n",
                        "deployment.rule", "no rules"),
                bad("rule written as a single table", PRIMARY + "[deployment.rule]\nindexers = [ \"a\" ]\n",
                        "deployment.rule", "expected an array of tables, got table"),
                bad("rule with shard and shards", PRIMARY + SHARD_A
                        + "[[deployment.rule]]\nshard = \"primary\"\nshards = [ \"shard_a\" ]\nindexers = [ \"n\" ]\n",
                        "deployment.rule[0]", "has both shard and shards"),
                bad("rule on unknown shard", PRIMARY + "[[deployment.rule]]\nshard = \"vip\"\nindexers = [ \"n\" ]\n",
                        "deployment.rule[0].shard", "shard 'vip' is not configured (known: primary)"),
                bad("rule with unknown shard in list", PRIMARY + SHARD_A
                        + "[[deployment.rule]]\nshards = [ \"shard_a\", \"shard_b\" ]\nindexers = [ \"n\" ]\n",
                        "deployment.rule[0].shards[1]", "shard 'shard_b' is not configured"),
                bad("rule with empty shard list", PRIMARY + "[[deployment.rule]]\nshards = []\nindexers = [ \"n\" ]\n",
                        "deployment.rule[0].shards", "the list is empty"),
                bad("rule without indexers", PRIMARY + "[[deployment.rule]]\nshard = \"primary\"\n",
                        "deployment.rule[0].indexers", "missing"),
                bad("rule with empty indexers", PRIMARY + "[[deployment.rule]]\nindexers = []\n",
                        "deployment.rule[0].indexers", "the list is empty"),
                bad("rule with an indexer longer than 63 bytes", PRIMARY + "[[deployment.rule]]\nindexers = [ \"index-node-0\", \""
                        + "n".repeat(64) + "\" ]\n", "deployment.rule[0].indexers[1]",
                        "(64 chars) is 64 bytes long; use at most 63 bytes (graph-node's limit)"),
                bad("store without pool size", PRIMARY_CONN, "store.primary.pool_size",
                        "missing; graph-node needs it too: add pool_size = 10"),
                bad("shard without pool size", PRIMARY + SHARD_A_CONN + "weight = 2\n", "store.shard_a.pool_size", "missing"),
                bad("store weight 0 without replicas", PRIMARY + "weight = 0\n", "store.primary.weight",
                        "weight is 0 and there are no replicas, so no query could go anywhere; remove weight = 0"),
                bad("store and replica weights all 0", PRIMARY + SHARD_A + "weight = 0\n"
                        + "[store.shard_a.replicas.repl-1]\nconnection = \"" + URL + "\"\nweight = 0\n",
                        "store.shard_a.weight", "the store and all its replicas have weight 0"),
                bad("replica name with an underscore, which graph-node refuses", PRIMARY
                        + "[store.primary.replicas.repl_1]\nconnection = \"" + URL + "\"\n",
                        "store.primary.replicas.repl_1", "replica name 'repl_1' is invalid; use 1 to 30 lowercase letters, digits or '-'"),
                bad("replica name longer than 30", PRIMARY + "[store.primary.replicas." + "r".repeat(31) + "]\nconnection = \""
                        + URL + "\"\n", "store.primary.replicas." + "r".repeat(31), "is invalid"),
                bad("rule with unknown strategy", PRIMARY + "[[deployment.rule]]\nindexers = [ \"n\" ]\nstrategy = \"random\"\n",
                        "deployment.rule[0].strategy", "'random' is not a strategy (allowed: least_used, hrw)"),
                bad("rule with bad name regex", PRIMARY + "[[deployment.rule]]\nmatch = { name = \"vip/[\" }\nindexers = [ \"n\" ]\n" + RULE,
                        "deployment.rule[0].match.name", "is not a valid regular expression"),
                bad("rule with unknown network", PRIMARY + "[chains.mainnet]\nshard = \"primary\"\n"
                        + "[[deployment.rule]]\nmatch = { network = [ \"mainnet\", \"kovan\" ] }\nindexers = [ \"n\" ]\n" + RULE,
                        "deployment.rule[0].match.network[1]", "network 'kovan' is not configured in [chains] (known: mainnet)"),
                bad("rule network is a number", PRIMARY + "[[deployment.rule]]\nmatch = { network = 1 }\nindexers = [ \"n\" ]\n" + RULE,
                        "deployment.rule[0].match.network", "expected a string or an array of strings, got integer 1"),
                bad("rule with misspelled match key", PRIMARY + "[[deployment.rule]]\nmatch = { nmae = \"vip/.*\" }\nindexers = [ \"n\" ]\n" + RULE,
                        "deployment.rule[0].match.nmae", "unknown match key"),
                bad("match rule after catch-all", PRIMARY + RULE + "[[deployment.rule]]\nmatch = { name = \"x/.*\" }\nindexers = [ \"n\" ]\n",
                        "deployment.rule[1]", "follows the catch-all rule deployment.rule[0]"),
                bad("only rule has a match", PRIMARY + "[[deployment.rule]]\nmatch = { name = \"x/.*\" }\nindexers = [ \"n\" ]\n",
                        "deployment.rule[0]", "the last rule has a match"),
                bad("rule after the catch-all", PRIMARY + "[[deployment.rule]]\nmatch = { name = \"x/.*\" }\nindexers = [ \"n\" ]\n"
                        + RULE + RULE, "deployment.rule[2]", "follows the catch-all rule deployment.rule[1]"));
    }

    private static ConfigException rejected(String toml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TestFiles.parse(toml));
        assertNotNull(e, "expected a ConfigException");
        return e;
    }

    private static Arguments bad(String name, String toml, String path, String phrase) {
        return Arguments.of(name, toml, path, phrase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedConfigs")
    void eachMalformedConfigIsReportedAtItsPathOnOneLineWithoutThePassword(
            String name, String toml, String path, String phrase) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TestFiles.parse(toml));

        assertNotNull(e, "expected a ConfigException for: " + name);
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.getMessage())
                .startsWith(path + ": ")
                .contains(phrase)
                .contains("; ")
                .doesNotContain("\n").doesNotContain("\r")
                .doesNotContain(PW);
        assertThat(e.line()).isEmpty();
    }

    @Test
    void aSyntaxErrorCarriesLineAndColumn() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(
                "[store.primary]\nweight = 1\npool_size = = 3\n", "graph-node.toml", TestFiles.env()));

        assertThat(e.line()).hasValue(3);
        assertThat(e.column()).hasValue(13);
        assertThat(e.path()).isEmpty();
        assertThat(e.getMessage()).startsWith("graph-node.toml:3:13: syntax error: Unexpected '='")
                .doesNotContain("\n");
    }

    @Test
    void anUnclosedArrayIsReportedAtTheLineWhereItStarts() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(PRIMARY_CONN
                + "pool_size = [\n  { node = \"index_node_.*\", size = 10 },\n  { node = \".*\", size = 2 }\n\n"
                + "[chains]\ningestor = \"index_node_0\"\n", "graph-node.toml", TestFiles.env()));

        assertThat(e.line()).hasValue(3);
        assertThat(e.column()).hasValue(13);
        assertThat(e.getMessage()).isEqualTo("graph-node.toml:3:13: syntax error: the array that starts here "
                + "with '[' is never closed (the parser noticed at line 7, column 1); add ']' after its last value");
    }

    @Test
    void anUnclosedArrayAtTheEndOfTheFileOrBeforeTheNextKeyIsReportedWhereItStarts() {
        ConfigException atEnd = rejected(PRIMARY + "[[deployment.rule]]\nindexers = [ \"index_node_0\",\n");
        ConfigException beforeKey = rejected(PRIMARY + "[[deployment.rule]]\nindexers = [ \"a\", \"b\"\nshard = \"primary\"\n");

        assertThat(atEnd.getMessage()).startsWith("test.toml:5:12: syntax error: the array that starts here with '['"
                + " is never closed");
        assertThat(beforeKey.getMessage()).startsWith("test.toml:5:12: syntax error: the array that starts here");
    }

    @Test
    void anUnclosedInlineTableIsReportedWhereItStartsAndAMissingCommaIsNot() {
        ConfigException table = rejected(PRIMARY
                + "[[deployment.rule]]\nmatch = { name = \"vip/.*\"\nindexers = [ \"a\" ]\n");
        ConfigException comma = rejected(PRIMARY + "[general]\nx = [ 1 2 ]\n");
        ConfigException mixed = rejected(PRIMARY + "[general]\nx = { a = [ 1, 2 }\n");

        assertThat(table.getMessage()).isEqualTo("test.toml:5:9: syntax error: the inline table that starts here "
                + "with '{' is never closed (the parser noticed at line 6, column 1); add '}' after its last key and value");
        assertThat(comma.getMessage()).startsWith("test.toml:5:9: syntax error: Unexpected '2'");
        assertThat(mixed.getMessage()).startsWith("test.toml:5:11: syntax error: the array that starts here");
    }

    @Test
    void aSyntaxErrorInsideAMultiLineInlineTableKeepsItsLineAndColumn() {
        ConfigException e = rejected(PRIMARY
                + "[[deployment.rule]]\nmatch = {\n  name = \"vip/.*\",\n  network = = \"mainnet\",\n}\n"
                + "indexers = [ \"a\" ]\n");

        assertThat(e.line()).hasValue(7);
        assertThat(e.column()).hasValue(13);
        assertThat(e.getMessage()).startsWith("test.toml:7:13: syntax error: Unexpected '='");
    }

    @Test
    void onlyTheFirstSyntaxErrorIsReported() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TestFiles.parse("a = \nb = 1\nb = 2\n"));

        assertThat(e.line()).hasValue(1);
        assertThat(e.getMessage()).startsWith("test.toml:1:").doesNotContain("previously defined");
    }

    @Test
    void aDuplicateKeyIsASyntaxError() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TestFiles.parse(
                PRIMARY + "\n[store.primary]\nweight = 1\n"));

        assertThat(e.line()).hasValue(5);
        assertThat(e.getMessage()).startsWith("test.toml:5:1: syntax error: ");
    }

    @Test
    void anUnquotedConnectionStringDoesNotLeakThePasswordInTheSyntaxError() {
        String toml = "[store.primary]\nconnection = postgresql://graph:" + PW + "@db/graph\n";
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TestFiles.parse(toml));

        assertThat(e.line()).hasValue(2);
        assertThat(e.getMessage()).startsWith("test.toml:2:14: syntax error: Unexpected input")
                .doesNotContain(PW).doesNotContain("postgresql");
    }

    @Test
    void anUnterminatedConnectionStringIsASyntaxErrorWithoutThePassword() {
        String toml = "[store.primary]\nconnection = \"postgresql://graph:" + PW + "@db/graph\n";
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> TestFiles.parse(toml));

        assertThat(e.line()).hasValue(2);
        assertThat(e.getMessage()).contains("syntax error").doesNotContain(PW).doesNotContain("\n");
    }
}
