package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input to the deployment commands: exit code 2, one line on stderr naming
 * the value, and nothing written (the directory and every site's head stay as they were).
 */
@MultiShard({"primary", "shard_a", "shard_b"})
class DeploymentBadInputTest {
    ShardCli cli;
    String hash;
    long rows;
    String sites;

    @BeforeEach
    void deployOne(TestShards shards, @TempDir Path dir) {
        cli = new ShardCli(shards, dir);
        if (cli.run("info", "org/good").exit() != 0) {
            cli.deploy("org/good", 1);
            var index = cli.run("dev", "index", "org/good", "--blocks", "10", "--changes-per-block", "5");
            assertThat(index.exit()).as(index.all()).isZero();
        }
        hash = ShardCli.hash(2);
        rows = cli.directoryRows();
        sites = cli.run("info", "--json").out();
    }

    @Test
    void badDeploysAreRejectedAndWriteNothing() throws Exception {
        String schema = cli.schema.toString();
        Path broken = cli.dir.resolve("broken.graphql");
        Files.writeString(broken, "type Token @entity {\n  id: ID!\n  name: String!!\n}\n");

        rejected("deployment hash 'Qm123' is invalid", "deploy", "org/x", "Qm123", "--schema", schema);
        rejected("subgraph name 'bad name!' is invalid", "deploy", "bad name!", hash, "--schema", schema);
        rejected("node id '" + "n".repeat(60) + "...' (64 chars) is 64 bytes long", "deploy", "org/x", hash,
                "--schema", schema, "--node", "n".repeat(64));
        rejected("network 'ropsten' is not configured (known: mainnet)", "deploy", "org/x", hash, "--schema", schema,
                "--network", "ropsten");
        rejected("schema file 'missing.graphql' does not exist", "deploy", "org/x", hash,
                "--schema", "missing.graphql");
        String syntax = rejected("broken.graphql:3:", "deploy", "org/x", hash, "--schema", broken.toString());
        assertThat(syntax).containsPattern("broken\\.graphql:3:\\d+: ");
        rejected("is already deployed as 'org/good'", "deploy", "org/good", ShardCli.hash(1), "--schema", schema);
        rejected("Missing required option: '--schema=FILE'", "deploy", "org/x", hash);
    }

    @Test
    void unknownDeploymentsAreRejectedByEveryCommand() {
        String unknown = "deployment '" + hash + "' not found";
        rejected(unknown, "info", hash);
        rejected("deployment 'org/nothing' not found", "info", "org/nothing");
        rejected("deployment 'sgd999' not found", "info", "sgd999");
        rejected("no copy of " + ShardCli.hash(1) + " in shard 'shard_b'", "info", ShardCli.hash(1) + ":shard_b");
        rejected(unknown, "reassign", hash, "default");
        rejected(unknown, "unassign", hash);
        rejected(unknown, "pause", hash);
        rejected(unknown, "resume", hash);
        rejected(unknown, "rewind", hash, "1");
        rejected(unknown, "dev", "index", hash, "--blocks", "1", "--changes-per-block", "1");
        rejected("node id 'node\\t1' contains a control or invisible character", "reassign", "org/good", "node\t1");
        rejected("subgraph name 'org//x' is invalid", "create", "org//x");
        rejected("subgraph name 'org/never' does not exist", "remove", "org/never");
    }

    @Test
    void badRewindsAndIndexRunsWriteNothing() {
        rejected("block 50 is outside what", "rewind", "org/good", "50");
        rejected("block -1 is invalid", "rewind", "org/good", "-1");
        rejected("--block-hash 'zz' is not a hash", "rewind", "org/good", "5", "--block-hash", "zz");
        rejected("--block-hash '0xabc' is not a hash", "rewind", "org/good", "5", "--block-hash", "0xabc");
        rejected("'ten' is not an int", "rewind", "org/good", "ten");
        rejected("--blocks 0 is invalid; use 1 or more", "dev", "index", "org/good", "--blocks", "0",
                "--changes-per-block", "5");
        rejected("--changes-per-block 0 is invalid", "dev", "index", "org/good", "--blocks", "3",
                "--changes-per-block", "0");
    }

    /** Runs a command that must fail as bad input with one line; returns that line. */
    private String rejected(String message, String... args) {
        var r = cli.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.all()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(message).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(cli.directoryRows()).as("directory rows after " + String.join(" ", args)).isEqualTo(rows);
        assertThat(cli.run("info", "--json").out()).as("sites after " + String.join(" ", args)).isEqualTo(sites);
        return r.err().strip();
    }
}
