package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** graphman config check / place / pools on a realistic graph-node config; no database needed. */
class ConfigCommandsTest {
    static final String PASSWORD = "s3cr3t-Pw";
    static final String CONFIG = """
            [general]
            query = "query_node_.*"

            [store.primary]
            connection = "postgresql://graph:${PG_PASSWORD}@db-primary:5432/graph"
            pool_size = [ { node = "index_node_.*", size = 20 }, { node = ".*", size = 5 } ]

            [store.vip]
            connection = "postgresql://graph:%s@db-vip/graph"
            pool_size = [ { node = "index_node_vip_.*", size = 30 }, { node = ".*", size = 0 } ]
            [store.vip.replicas.repl1]
            connection = "postgresql://graph:%s@db-vip-repl/graph"
            weight = 1

            [store.shard_a]
            connection = "postgresql://graph:%s@db-a/graph"
            pool_size = 10

            [chains]
            ingestor = "block_ingestor_node"
            [chains.mainnet]
            shard = "primary"
            provider = [ { label = "mainnet", url = "http://localhost:8545", features = [] } ]
            [chains.sepolia]
            shard = "shard_a"

            [deployment]
            [[deployment.rule]]
            match = { name = "(vip|important)/.*" }
            shard = "vip"
            indexers = [ "index_node_vip_0", "index_node_vip_1" ]
            [[deployment.rule]]
            match = { network = [ "sepolia" ] }
            shards = [ "shard_a", "primary" ]
            indexers = [ "index_node_1" ]
            strategy = "hrw"
            [[deployment.rule]]
            shards = [ "primary", "shard_a" ]
            indexers = [ "index_node_0", "index_node_1" ]
            """.formatted(PASSWORD, PASSWORD, PASSWORD);

    @TempDir
    Path dir;
    Path config;
    GraphmanRunner graphman;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("graph-node.toml");
        Files.writeString(config, CONFIG);
        graphman = new GraphmanRunner(dir).env("PG_PASSWORD", PASSWORD);
    }

    @Test
    void checkSummarizesAValidConfig() {
        var r = graphman.run("--config", config.toString(), "config", "check");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("config ok").contains("3 shards (primary, vip, shard_a)")
                .contains("2 chains").contains("3 deployment rules");
    }

    @Test
    void printShowsTheResolvedConfigWithPasswordsMasked() throws Exception {
        var r = graphman.run("config", "check", "--print", "--config", config.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.all()).doesNotContain(PASSWORD);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.toString()).contains("***").contains("db-primary");
    }

    @Test
    void theConfigComesFromTheEnvironmentWhenNoOptionIsGiven() {
        var r = graphman.env("GRAPH_NODE_CONFIG", config.toString()).run("config", "check");
        assertThat(r.exit()).isZero();
    }

    @Test
    void noConfigAtAllIsBadInputWithAHint() {
        var r = graphman.run("config", "check");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: no config given").contains("graphman dev up");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aMissingConfigFileIsBadInput() {
        var r = graphman.run("--config", "nope.toml", "config", "check");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("config file 'nope.toml' does not exist");
    }

    @Test
    void aMalformedConfigGivesOneLineExitTwoAndNoSecret() throws Exception {
        Files.writeString(config, CONFIG.replace("pool_size = 10", "pool_size = 1"));
        var r = graphman.run("--config", config.toString(), "config", "check");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("store.shard_a.pool_size").doesNotContain(PASSWORD).doesNotContain("at io.");
    }

    @Test
    void aSyntaxErrorNamesLineAndColumn() throws Exception {
        Files.writeString(config, "[store.primary]\nconnection = \"postgresql://a:b@h/d\"\npool_size = = 3\n");
        var r = graphman.run("--config", config.toString(), "config", "check");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).containsPattern("graph-node.toml:3:\\d+");
    }

    @Test
    void anUnsetVariableIsNamed() {
        var r = new GraphmanRunner(dir).run("--config", config.toString(), "config", "check");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("PG_PASSWORD");
    }

    @Test
    void placeShowsTheFirstMatchingRuleWithShardsAndNodesInRuleOrder() throws Exception {
        var r = graphman.run("--config", config.toString(), "config", "place", "important/token", "mainnet", "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("rule").asInt()).isEqualTo(0);
        assertThat(json.get("shards").toString()).isEqualTo("[\"vip\"]");
        assertThat(json.get("nodes").toString()).isEqualTo("[\"index_node_vip_0\",\"index_node_vip_1\"]");

        r = graphman.run("--config", config.toString(), "config", "place", "org/thing", "sepolia", "--json");
        json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("rule").asInt()).isEqualTo(1);
        assertThat(json.get("strategy").asText()).isEqualTo("hrw");
        assertThat(json.get("shards").toString()).isEqualTo("[\"shard_a\",\"primary\"]");

        r = graphman.run("--config", config.toString(), "config", "place", "xvip/token", "mainnet");
        assertThat(r.out()).contains("deployment.rule[2] (catch-all)").contains("shards:   primary, shard_a");
    }

    @Test
    void placeRejectsABadNameAndAnUnknownNetwork() {
        var r = graphman.run("--config", config.toString(), "config", "place", "bad name!", "mainnet");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("subgraph name 'bad name!' is invalid");

        r = graphman.run("--config", config.toString(), "config", "place", "org/x", "ropsten");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("network 'ropsten' is not configured (known: mainnet, sepolia)");
    }

    @Test
    void placeWithoutADatabaseStillWorksQuicklyAndSaysWhyThereIsNoWinner() throws Exception {
        long started = System.nanoTime();
        var r = graphman.run("--config", config.toString(), "config", "place", "org/x", "mainnet");
        assertThat(System.nanoTime() - started).as("no long connect timeouts").isLessThan(4_000_000_000L);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("rule:").doesNotContain("winner");
        assertThat(r.err().strip()).startsWith("note: no winner shown: the primary at db-primary:5432")
                .doesNotContain(PASSWORD);
        assertThat(r.err().strip().lines()).hasSize(1);

        Files.writeString(config, CONFIG.replace("db-primary:5432", "127.0.0.1:1"));
        started = System.nanoTime();
        r = graphman.run("--config", config.toString(), "config", "place", "org/x", "mainnet", "--json");
        assertThat(r.exit()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).has("winner")).isFalse();
        assertThat(r.err()).contains("the primary at 127.0.0.1:1 is not reachable");
        assertThat(System.nanoTime() - started).as("no long connect timeouts").isLessThan(4_000_000_000L);

        r = graphman.run("--config", config.toString(), "config", "place", "org/x", "mainnet", "--offline");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void poolsShowsWhatEachNodeOpensAndTheTotals() throws Exception {
        var r = graphman.run("--config", config.toString(), "config", "pools", "index_node_vip_0", "query_node_1",
                "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("pools").toString())
                .contains("{\"node\":\"index_node_vip_0\",\"shard\":\"primary\",\"replica\":\"main\",\"pool_size\":20")
                .contains("{\"node\":\"query_node_1\",\"shard\":\"vip\",\"replica\":\"main\",\"pool_size\":0");
        assertThat(json.get("totals").get("primary/main").asInt()).isEqualTo(20 + 5 + 5 + 5);

        r = graphman.run("--config", config.toString(), "config", "pools", "index_node_0", "--shard");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("SHARD").contains("CONNECTIONS");
    }

    @Test
    void badArgumentsAreBadInput() {
        var tooLong = graphman.run("--config", config.toString(), "config", "pools", "n".repeat(64));
        assertThat(tooLong.exit()).isEqualTo(2);
        assertThat(tooLong.err()).contains("(64 chars) is 64 bytes long; use at most 63 bytes");
        var r = graphman.run("config", "check", "--frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--frobnicate").contains("graphman config check --help");
        var control = graphman.run("--node-id", "not\u0007valid", "--config", config.toString(), "config", "check",
                "--print");
        assertThat(control.exit()).isEqualTo(2);
        assertThat(control.err()).contains("node id 'not\\u0007valid' contains a control or invisible character");
    }

    @Test
    void nodeIdsWithDashesAndSpacesAreNodeIdsAsInGraphNode() {
        var check = graphman.run("--node-id", "index-node-0", "--config", config.toString(), "config", "check");
        assertThat(check.exit()).as(check.all()).isZero();

        var pools = graphman.run("--config", config.toString(), "config", "pools", "index-node-0", "Query Node 1");
        assertThat(pools.exit()).as(pools.all()).isZero();
        assertThat(pools.out()).contains("index-node-0").contains("Query Node 1");
    }

    @Test
    void everyCommandSummaryInTheHelpIsAWholeSentence() {
        java.util.Deque<java.util.List<String>> todo = new java.util.ArrayDeque<>(java.util.List.of(java.util.List.of()));
        int seen = 0;
        while (!todo.isEmpty()) {
            java.util.List<String> path = todo.pop();
            java.util.List<String> args = new java.util.ArrayList<>(path);
            args.add("--help");
            var help = graphman.run(args.toArray(String[]::new));
            assertThat(help.exit()).as(String.join(" ", args) + ": " + help.all()).isZero();
            String out = help.out();
            int at = out.indexOf("\nCommands:\n");
            if (at < 0) {
                continue;
            }
            java.util.Map<String, String> summaries = new java.util.LinkedHashMap<>();
            String current = null;
            for (String line : out.substring(at + "\nCommands:\n".length()).lines().toList()) {
                if (line.isBlank()) {
                    break;
                }
                // "  shard, shards  Summary": a command with its aliases
                var m = java.util.regex.Pattern.compile("^  ([^\\s,]+)(?:, [^\\s,]+)*\\s+(.*)$").matcher(line);
                if (m.matches()) {
                    current = m.group(1);
                    summaries.put(current, m.group(2).trim());
                } else if (current != null) {
                    summaries.merge(current, " " + line.trim(), String::concat);
                }
            }
            for (var e : summaries.entrySet()) {
                seen++;
                assertThat(e.getValue()).as("graphman " + String.join(" ", path) + " --help: " + e.getKey()).endsWith(".");
                if (!e.getKey().equals("help")) {
                    java.util.List<String> sub = new java.util.ArrayList<>(path);
                    sub.add(e.getKey());
                    todo.add(sub);
                }
            }
        }
        assertThat(seen).isGreaterThan(30);
    }

    @Test
    void helpExplainsTheCommands() {
        var r = graphman.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("config").contains("database").contains("dev").contains("demo")
                .contains("GRAPH_NODE_CONFIG");
        for (String command : new String[] {"deploy", "create", "remove", "info", "rewind", "reassign", "unassign",
            "pause", "resume", "chain"}) {
            assertThat(r.out()).containsPattern("(?m)^\\s+" + command + "\\s+\\S");
        }
        assertThat(graphman.run("dev", "--help").out()).containsPattern("(?m)^\\s+index\\s+Write N synthetic blocks");
        for (String command : new String[] {"info", "reassign", "unassign", "pause", "resume", "rewind"}) {
            assertThat(graphman.run(command, "--help").out().replaceAll("\\s+", " "))
                    .as(command + " --help").contains("a hash (Qm…), HASH:SHARD for one copy, a namespace (sgdN) or a"
                            + " subgraph name");
        }
    }
}
