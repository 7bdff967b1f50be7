package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'graphman chain list | info | change-shard | remove' as an operator uses them, on a config
 * whose shard 'blocks' stores block data only (no deployment rule names it).
 */
@MultiShard({"primary", "shard_a", "shard_b", "blocks"})
class ChainCommandsTest {
    static final String RULES = """
            [chains]
            [chains.mainnet]
            shard = "blocks"
            [chains.sepolia]
            shard = "blocks"
            [chains.gnosis]
            shard = "blocks"
            [chains.base]
            shard = "blocks"

            [deployment]
            [[deployment.rule]]
            shards = ["shard_a", "shard_b"]
            indexers = ["default"]
            """;

    @Test
    void chainsInABlockCacheShardAreListedShownMovedAndRemoved(TestShards shards, @TempDir Path dir) throws Exception {
        ShardCli cli = new ShardCli(shards, dir, RULES);
        JsonNode deployed = cli.deploy("org/main", 1, "--network", "mainnet");
        String site = deployed.get("namespace").asText() + " in " + deployed.get("shard").asText();
        ok(cli.run("dev", "index", "org/main", "--blocks", "120", "--changes-per-block", "2"));
        String ns = cli.json("chain", "info", "mainnet", "--json").get("namespace").asText();

        assertThat(cli.run("chain", "list").out()).containsPattern("NAME\\s+SHARD\\s+NAMESPACE\\s+HEAD\\s+BLOCKS")
                .containsPattern("(?m)^mainnet\\s+blocks\\s+" + ns + "\\s+119\\s+120$");
        JsonNode listed = cli.json("chain", "list", "--json");
        JsonNode main = null;
        for (JsonNode c : listed) {
            main = "mainnet".equals(c.get("name").asText()) ? c : main;
        }
        assertThat(main).as(listed.toString()).isNotNull();
        assertThat(main.get("blocks").asLong()).isEqualTo(120);
        assertThat(main.get("shard").asText()).isEqualTo("blocks");
        GraphmanRunner.Result info = cli.run("chain", "info", "mainnet");
        assertThat(info.exit()).as(info.all()).isZero();
        assertThat(info.out()).containsPattern("shard\\s+blocks").containsPattern("head\\s+119 \\(0x[0-9a-f]{64}\\)")
                .containsPattern("blocks\\s+120").containsPattern("range\\s+0 - 119").containsPattern("size\\s+\\d")
                .containsPattern("config shard\\s+blocks\\R").containsPattern("deployments\\s+1 \\(" + site + "\\)")
                .containsPattern("move\\s+-");
        assertThat(count(shards, "blocks", "select count(*) from " + ns + ".blocks")).isEqualTo(120);
        assertThat(count(shards, "blocks", "select count(*) from pg_namespace where nspname like 'sgd%'")).isZero();

        GraphmanRunner.Result moved = cli.run("chain", "change-shard", "mainnet", "shard_b", "--batch-size", "50");
        assertThat(moved.exit()).as(moved.all()).isZero();
        assertThat(moved.out()).isEqualTo("chain mainnet moved from shard 'blocks' to 'shard_b': 120 blocks (0 - 119) in "
                + ns + "; this run: 120 blocks copied in 3 batches, 3 ranges verified; " + ns + " dropped from 'blocks';"
                + " set [chains.mainnet] shard = \"shard_b\" in the config to match" + System.lineSeparator());
        JsonNode after = cli.json("chain", "info", "mainnet", "--json");
        assertThat(after.get("shard").asText()).isEqualTo("shard_b");
        assertThat(after.get("blocks").asLong()).isEqualTo(120);
        assertThat(after.get("config_shard").asText()).isEqualTo("blocks");
        assertThat(cli.run("chain", "info", "mainnet").out())
                .contains("config shard  blocks (differs: the directory is what counts; set [chains.mainnet] shard = \"shard_b\")");
        assertThat(count(shards, "blocks", "select count(*) from pg_namespace where nspname = '" + ns + "'")).isZero();
        ok(cli.run("dev", "index", "org/main", "--blocks", "5", "--changes-per-block", "2"));
        assertThat(count(shards, "shard_b", "select count(*) from " + ns + ".blocks")).isEqualTo(125);

        long before = written(cli);
        GraphmanRunner.Result refused = cli.run("chain", "remove", "mainnet");
        assertThat(refused.exit()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("error: chain 'mainnet' is used by 1 deployment copy (" + site
                + "); remove them first (unassign them, then 'graphman unused record' and 'graphman unused remove')"
                + System.lineSeparator());
        assertThat(written(cli)).isEqualTo(before);

        // a chain whose last deployment went away can be removed
        cli.deploy("org/test", 2, "--network", "sepolia");
        ok(cli.run("dev", "index", "org/test", "--blocks", "10", "--changes-per-block", "1"));
        String sepolia = cli.json("chain", "info", "sepolia", "--json").get("namespace").asText();
        ok(cli.run("unassign", "org/test"));
        ok(cli.run("remove", "org/test"));
        ok(cli.run("unused", "record"));
        ok(cli.run("unused", "remove"));
        GraphmanRunner.Result removed = cli.run("chain", "remove", "sepolia", "--json");
        assertThat(removed.exit()).as(removed.all()).isZero();
        assertThat(removed.out()).contains("\"dropped\" : [ \"" + sepolia + " in blocks\" ]");
        assertThat(count(shards, "blocks", "select count(*) from pg_namespace where nspname = '" + sepolia + "'")).isZero();
        assertThat(cli.run("chain", "list").out()).doesNotContain("sepolia").contains("mainnet");
    }

    @Test
    void badChainCommandsAreOneLineExitTwoAndChangeNothing(TestShards shards, @TempDir Path dir) throws Exception {
        ShardCli cli = new ShardCli(shards, dir, RULES);
        cli.deploy("org/bad", 3, "--network", "gnosis");
        ok(cli.run("dev", "index", "org/bad", "--blocks", "20", "--changes-per-block", "1"));
        long before = written(cli);
        rejected(cli, "chain 'goerli' does not exist (known: ", "chain", "info", "goerli");
        rejected(cli, "chain 'goerli' does not exist (known: ", "chain", "change-shard", "goerli", "shard_a");
        rejected(cli, "chain 'goerli' does not exist (known: ", "chain", "remove", "goerli");
        rejected(cli, "shard 'shard_z' is not configured (known: primary, shard_a, shard_b, blocks)",
                "chain", "change-shard", "gnosis", "shard_z");
        rejected(cli, "shard name 'Shard-B' is invalid", "chain", "change-shard", "gnosis", "Shard-B");
        rejected(cli, "chain 'gnosis' is stored in shard 'blocks' already; name another shard to move it to",
                "chain", "change-shard", "gnosis", "blocks");
        rejected(cli, "--batch-size 0 is invalid; use 1 or more blocks",
                "chain", "change-shard", "gnosis", "shard_a", "--batch-size", "0");
        rejected(cli, "chain 'gnosis' is used by 1 deployment copy", "chain", "remove", "gnosis");
        assertThat(written(cli)).as("nothing was written").isEqualTo(before);
    }

    @Test
    void aStoppedAndThenKilledChangeShardContinuesWhereItWas(TestShards shards, @TempDir Path dir) throws Exception {
        ShardCli cli = new ShardCli(shards, dir, RULES);
        cli.deploy("org/kill", 4, "--network", "base");
        ok(cli.run("dev", "index", "org/kill", "--blocks", "300", "--changes-per-block", "1"));
        int id = cli.json("chain", "info", "base", "--json").get("namespace").asText().substring(5).transform(Integer::parseInt);

        // SIGTERM: the run stops after its batch, says how to resume, exit 0
        ChildGraphman term = ChildGraphman.start(dir, "term", cli.config, "chain", "change-shard", "base", "shard_a",
                "--batch-size", "1");
        waitForProgress(shards, term.process(), id, 0);
        term.process().destroy();
        assertThat(term.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(term.process().exitValue()).as(term.all()).isZero();
        assertThat(term.stdout()).contains("chain base move to 'shard_a' stopped before block ")
                .contains("the chain stays in 'blocks' until it is done; resume with 'graphman chain change-shard base"
                        + " shard_a'");
        assertThat(term.all()).doesNotContain(TestServer.PASSWORD.reveal());
        long stoppedAt = next(shards, id);

        // kill -9 midway: nothing recorded beyond what was copied
        ChildGraphman kill = ChildGraphman.start(dir, "kill", cli.config, "chain", "change-shard", "base", "shard_a",
                "--batch-size", "1");
        waitForProgress(shards, kill.process(), id, stoppedAt);
        kill.process().destroyForcibly();
        assertThat(kill.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        long killedAt = next(shards, id);
        assertThat(killedAt).isGreaterThan(stoppedAt).isLessThan(300);
        assertThat(cli.json("chain", "info", "base", "--json").get("shard").asText()).isEqualTo("blocks");
        assertThat(cli.json("chain", "info", "base", "--json").get("move").get("next_block").asLong()).isEqualTo(killedAt);

        JsonNode done = cli.json("chain", "change-shard", "base", "shard_a", "--batch-size", "100", "--json");
        assertThat(done.get("outcome").asText()).isEqualTo("moved");
        assertThat(done.get("blocks").asLong()).isEqualTo(300);
        assertThat(done.get("copied").asLong()).as("a resumed move copies only what is missing")
                .isLessThanOrEqualTo(300 - killedAt + 1);
        assertThat(done.get("verified_ranges").asInt()).isEqualTo(3);
        assertThat(count(shards, "shard_a", "select count(*) from chain" + id + ".blocks")).isEqualTo(300);
        assertThat(count(shards, "blocks", "select count(*) from pg_namespace where nspname = 'chain" + id + "'")).isZero();
        assertThat(count(shards, "primary", "select count(*) from public.chain_moves")).isZero();
    }

    private static void waitForProgress(TestShards shards, Process p, int id, long beyond) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (p.isAlive() && next(shards, id) <= beyond && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(p.isAlive()).as("still moving").isTrue();
    }

    private static long next(TestShards shards, int id) throws SQLException {
        return count(shards, "primary", "select coalesce(max(next_number), 0) from public.chain_moves where chain_id = " + id);
    }

    private static void ok(GraphmanRunner.Result r) {
        assertThat(r.exit()).as(r.all()).isZero();
    }

    private static void rejected(ShardCli cli, String message, String... args) {
        var r = cli.run(args);
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: ").contains(message).endsWith(System.lineSeparator())
                .doesNotContain(TestServer.PASSWORD.reveal());
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    /** Chains, moves and chain namespaces everywhere: what a chain command would change. */
    private static long written(ShardCli cli) throws SQLException {
        long rows = cli.directoryRows() + count(cli.shards, "primary", "select (select count(*) from public.chain_moves)"
                + " + (select count(*) from public.chains)");
        for (ShardName shard : cli.shards.shards()) {
            rows += count(cli.shards, shard.value(), "select count(*) from pg_namespace where nspname like 'chain%'");
        }
        return rows;
    }

    private static long count(TestShards shards, String shard, String sql) throws SQLException {
        try (Connection c = shards.connect(ShardName.of(shard)); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
