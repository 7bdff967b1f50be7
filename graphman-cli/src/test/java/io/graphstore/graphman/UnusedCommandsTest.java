package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** unused record, list and remove the way an operator uses them: counts, reasons, exit codes. */
@MultiShard({"primary", "shard_a", "shard_b"})
class UnusedCommandsTest {

    @Test
    void removeSaysWhatItRemovedWhatMustWaitAndWhyAndFailsOnlyOnRealErrors(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        String plain = CopyWorkflowTest.deployAndIndex(cli, "vip/plain", 1, 20);
        String source = CopyWorkflowTest.deployAndIndex(cli, "vip/source", 2, 30);
        for (String name : List.of("vip/plain", "vip/source")) {
            ok(cli.run("unassign", name));
            ok(cli.run("remove", name));
        }
        ok(cli.run("unused", "record"));
        long plainCount = entityCount(shards, plain);
        long sourceCount = entityCount(shards, source);
        assertThat(plainCount).isPositive();
        assertThat(sourceCount).isPositive().isNotEqualTo(plainCount);

        JsonNode listed = cli.json("unused", "list", "--json");
        assertThat(listed).extracting(r -> r.get("namespace").asText()).containsExactly(plain, source);
        assertThat(listed).extracting(r -> r.get("entity_count").asLong()).as("the real counts")
                .containsExactly(plainCount, sourceCount);
        assertThat(cli.run("unused", "list").out()).containsPattern("NAMESPACE\\s+SHARD\\s+HASH\\s+NAMES\\s+ENTITIES\\s+"
                + "UNUSED SINCE\\s+REMOVED").containsPattern("(?m)^" + plain + "\\s+shard_a\\s+\\S+\\s+-\\s+" + plainCount
                + "\\s");

        // a copy of the source, created after it was recorded, still reads from it
        GraphmanRunner.Result create = cli.run("copy", "create", source, "shard_b", "default");
        ok(create);
        String copy = create.out().replaceFirst("(?s)^created (sgd\\d+) in shard_b: .*", "$1");
        String waitReason = "copy " + copy + " in shard 'shard_b' still reads from it (not finished, not cancelled); it"
                + " goes once the copy finishes, or 'graphman copy cancel " + copy + "'";

        JsonNode removal = cli.json("unused", "remove", "--json");
        assertThat(removal.get("removed")).singleElement().satisfies(r -> {
            assertThat(r.get("namespace").asText()).isEqualTo(plain);
            assertThat(r.get("entity_count").asLong()).isEqualTo(plainCount);
            assertThat(r.get("removed_at").isNull()).isFalse();
        });
        assertThat(removal.get("skipped")).singleElement().satisfies(r -> {
            assertThat(r.get("namespace").asText()).isEqualTo(source);
            assertThat(r.get("reason").asText()).isEqualTo(waitReason);
            assertThat(r.get("failed").asBoolean()).isFalse();
        });
        GraphmanRunner.Result waiting = cli.run("unused", "remove");
        assertThat(waiting.exit()).as("waiting is no failure: " + waiting.all()).isZero();
        assertThat(waiting.out()).isEqualTo("nothing removed\nnot removed yet, tried again next time:\n  " + source + " ("
                + ShardCli.hash(2) + " in shard_a): " + waitReason + "\n");

        // the copy is cancelled, but the source's shard refuses to drop it: that is a failure
        ok(cli.run("copy", "cancel", copy));
        ok(cli.run("unused", "record"));
        String database = shards.database(ShardName.of("shard_a"));
        setReadOnly(shards, database, true);
        GraphmanRunner.Result failed;
        try {
            failed = cli.run("unused", "remove");
        } finally {
            setReadOnly(shards, database, false);
        }
        assertThat(failed.exit()).as(failed.all()).isEqualTo(1);
        assertThat(failed.out()).as("the copy went on its own").startsWith("removed 1 deployment:\n").contains(copy);
        assertThat(failed.err().lines().filter(l -> l.startsWith("error:"))).singleElement().asString()
                .startsWith("error: removing unused deployment " + source + " (" + ShardCli.hash(2) + " in shard_a) failed:"
                        + " shard 'shard_a': cannot execute DROP SCHEMA in a read-only transaction (SQLSTATE 25006); ")
                .endsWith("; its removal has begun, and the next remove finishes it once that is"
                        + " fixed");
        assertThat(cli.run("unused", "list", "--existing").out()).containsPattern("(?m)^" + source
                + "\\s.*\\s" + sourceCount + "\\s+\\S+\\s+begun \\S+, not finished$");
        GraphmanRunner.Result info = cli.run("info", source);
        assertThat(info.out()).containsPattern("head\\s+unknown: being removed as unused since \\S+; 'graphman unused"
                + " remove --deployment " + ShardCli.hash(2) + "' finishes it");
        GraphmanRunner.Result reassign = cli.run("reassign", source, "default");
        assertThat(reassign.exit()).isEqualTo(2);
        assertThat(reassign.err()).contains("is being removed as unused");

        GraphmanRunner.Result finished = cli.run("unused", "remove", "--older", "600");
        assertThat(finished.exit()).as(finished.all()).isZero();
        assertThat(finished.out()).as("a removal under way is finished whatever its age")
                .startsWith("removed 1 deployment:\n").contains(source);
        JsonNode history = cli.json("unused", "list", "--json");
        assertThat(history).extracting(r -> r.get("namespace").asText()).containsExactly(plain, source, copy);
        assertThat(history).allSatisfy(r -> assertThat(r.get("removed_at").isNull()).isFalse());
        assertThat(history.get(1).get("entity_count").asLong()).as("counted when its removal began").isEqualTo(sourceCount);
        assertThat(history.get(1).get("removal_started_at").isNull()).isFalse();
    }

    private static void ok(GraphmanRunner.Result r) {
        assertThat(r.exit()).as(r.all()).isZero();
    }

    private static long entityCount(TestShards shards, String namespace) throws Exception {
        try (Connection c = shards.connect(ShardName.of("shard_a")); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select entity_count from subgraphs.head where id = "
                        + namespace.substring(3))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setReadOnly(TestShards shards, String database, boolean on) throws Exception {
        try (Connection c = shards.connect(ShardName.of("shard_a")); Statement s = c.createStatement()) {
            s.execute("set default_transaction_read_only = off");
            s.execute("alter database " + database + " set default_transaction_read_only = " + on);
        }
    }
}
