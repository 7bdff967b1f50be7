package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** copy create, list, run, status, activate and cancel, the way an operator would use them. */
@MultiShard({"primary", "shard_a", "shard_b"})
class CopyWorkflowTest {
    private static final String PASSWORD = TestServer.PASSWORD.reveal();

    /** Deploys NAME (a vip/ name, so the rules put it in shard_a), fills it, returns its namespace. */
    static String deployAndIndex(ShardCli cli, String name, int n, int blocks) {
        JsonNode deployed = cli.deploy(name, n);
        assertThat(deployed.get("shard").asText()).isEqualTo("shard_a");
        var index = cli.run("dev", "index", name, "--blocks", Integer.toString(blocks), "--changes-per-block", "20");
        assertThat(index.exit()).as(index.all()).isZero();
        return deployed.get("namespace").asText();
    }

    @Test
    void aCopyIsQueuedRunsToFinishedAndActivatingSwitchesBackAndForth(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        String hash = ShardCli.hash(1);
        String src = deployAndIndex(cli, "vip/token", 1, 60);

        var create = cli.run("copy", "create", "vip/token", "shard_b", "default");
        assertThat(create.exit()).as(create.all()).isZero();
        String dst = create.out().replaceFirst("(?s)^created (sgd\\d+) in shard_b: .*", "$1");
        assertThat(dst).matches("sgd\\d+");
        assertThat(create.out()).contains("a copy of " + src + " (" + hash + " in shard_a)")
                .containsPattern("node\\s+default").containsPattern("target block\\s+59")
                .containsPattern("on sync\\s+none").containsPattern("transport\\s+copy").containsPattern("state\\s+queued")
                .contains("next: 'graphman copy run " + dst + "' runs it here with a progress bar, or a"
                        + " 'graphman node --node-id default' runs it");

        var queued = cli.run("copy", "list");
        assertThat(queued.exit()).as(queued.all()).isZero();
        assertThat(queued.out()).containsPattern("COPY\\s+STATE\\s+PROGRESS\\s+TARGET\\s+NODE")
                .containsPattern("(?m)^" + src + " \\(shard_a\\) -> " + dst + " \\(shard_b\\)\\s+queued\\s+0% \\(0/\\d+ rows\\)"
                        + "\\s+59\\s+default\\R    waiting for node default to run it");
        JsonNode listed = find(cli.json("copy", "list", "--json"), dst);
        assertThat(listed.get("state").asText()).isEqualTo("queued");
        assertThat(listed.get("why").asText()).startsWith("waiting for node default");

        var run = cli.run("copy", "run", dst);
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).startsWith("copy " + dst + " (" + hash + " in shard_b) finished: ")
                .contains("up to block 59, caught up with " + src + " (shard_a)")
                .contains("switch to it with 'graphman copy activate " + hash + " shard_b'");
        assertThat(run.err()).as("the progress bar").contains(dst + " shard_b").contains("rows");

        assertThat(cli.run("copy", "list").out())
                .containsPattern("(?m)^" + src + " \\(shard_a\\) -> " + dst + " \\(shard_b\\)\\s+following\\s+100% "
                        + "\\((\\d+)/\\1 rows\\)\\s+59\\s+default$");
        var status = cli.run("copy", "status", dst);
        assertThat(status.exit()).as(status.all()).isZero();
        assertThat(status.out()).containsPattern("deployment\\s+" + hash).containsPattern("src\\s+" + src + " in shard_a")
                .containsPattern("dst\\s+" + dst + " in shard_b\\R").containsPattern("finished\\s+\\d{4}-")
                .containsPattern("state\\s+following 100%")
                .containsPattern("TABLE\\s+DONE\\s+ROWS\\s+ROWS_TOTAL\\s+NEXT_VID\\s+TARGET_VID\\s+BATCH\\s+DURATION\\(ms\\)")
                .containsPattern("(?m)^Account\\s+yes\\s+(\\d+)\\s+\\1\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+$").doesNotContain("waiting");
        JsonNode detail = cli.json("copy", "status", dst, "--json");
        // finished, not the active copy, assigned: its node keeps it in step
        assertThat(detail.get("state").asText()).isEqualTo("following");
        assertThat(detail.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(detail.get("tables")).isNotEmpty().allSatisfy(t -> assertThat(t.get("done").asBoolean()).isTrue());

        var toB = cli.run("copy", "activate", hash, "shard_b");
        assertThat(toB.exit()).as(toB.all()).isZero();
        assertThat(toB.out()).contains(dst + " (" + hash + " in shard_b) is now the active copy")
                .contains(src + " (shard_a) follows it (node default); 'graphman copy activate " + hash
                        + " shard_a' switches back");
        assertThat(activeShard(cli, hash)).isEqualTo("shard_b");

        var more = cli.run("dev", "index", "vip/token", "--blocks", "5", "--changes-per-block", "20");
        assertThat(more.exit()).as(more.all()).isZero();
        assertThat(more.out()).contains(dst).contains("head 64");
        var byName = cli.run("info", "vip/token");
        assertThat(byName.exit()).as(byName.all()).isZero();
        assertThat(byName.out()).as("a name shows the active copy first, then the others with their lag")
                .containsPattern("(?s)namespace\\s+" + dst + "\\R.*namespace\\s+" + src + "\\R.*"
                        + "lag\\s+5 blocks behind the active copy");
        assertThat(cli.run("info").out()).containsPattern("HEAD\\s+LAG\\s+ENTITIES")
                .containsPattern("(?m)^" + src + " \\(inactive\\)\\s+shard_a\\s+" + hash + "\\s+vip/token\\s+default\\s+59\\s+5\\s+\\d+$")
                .containsPattern("(?m)^" + dst + "\\s+shard_b\\s+" + hash + "\\s+vip/token\\s+default\\s+64\\s+-\\s+\\d+$");

        var toA = cli.run("copy", "activate", hash, "shard_a");
        assertThat(toA.exit()).as(toA.all()).isZero();
        assertThat(toA.out()).contains(src + " (" + hash + " in shard_a) is now the active copy")
                .contains(dst + " (shard_b) follows it");
        assertThat(activeShard(cli, hash)).isEqualTo("shard_a");
        JsonNode sites = cli.json("info", hash, "--json");
        assertThat(sites).hasSize(2).allSatisfy(site -> assertThat(site.get("head").asInt())
                .as("the blocks written to shard_b reached shard_a").isEqualTo(64));
        assertThat(sites.get(0).get("entities")).isEqualTo(sites.get(1).get("entities"));

        var again = cli.run("copy", "activate", hash, "shard_a");
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("is the active copy (it was already)");
        assertThat(create.all() + run.all() + status.all() + toA.all()).doesNotContain(PASSWORD);
    }

    @Test
    void aCopyCreatedWithActivateIsActiveWhenItFinishes(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        String hash = ShardCli.hash(2);
        String src = deployAndIndex(cli, "vip/moving", 2, 40);

        JsonNode created = cli.json("copy", "create", "--offset", "10", "--activate", "--transport", "fdw",
                "vip/moving", "shard_b", "default", "--json");
        String dst = created.get("dst").asText();
        assertThat(dst).matches("sgd\\d+").isNotEqualTo(src);
        assertThat(created.get("hash").asText()).isEqualTo(hash);
        assertThat(created.get("dst_shard").asText()).isEqualTo("shard_b");
        assertThat(created.get("src").asText()).isEqualTo(src);
        assertThat(created.get("src_shard").asText()).isEqualTo("shard_a");
        assertThat(created.get("state").asText()).isEqualTo("queued");
        assertThat(created.get("target_block").asInt()).isEqualTo(29);
        assertThat(created.get("on_sync").asText()).isEqualTo("activate");
        assertThat(created.get("transport").asText()).isEqualTo("fdw");
        assertThat(created.get("node").asText()).isEqualTo("default");
        assertThat(created.get("active").asBoolean()).isFalse();
        assertThat(created.get("started_at").isNull()).isTrue();

        var run = cli.run("copy", "run", dst);
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("finished: ").contains("up to block 29").endsWith("; now active"
                + System.lineSeparator());
        assertThat(activeShard(cli, hash)).isEqualTo("shard_b");
        JsonNode sites = cli.json("info", hash, "--json");
        assertThat(sites).hasSize(2).allSatisfy(site -> assertThat(site.get("head").asInt())
                .as("the copy caught up past its target block").isEqualTo(39));

        var rerun = cli.run("copy", "run", dst);
        assertThat(rerun.exit()).as(rerun.all()).isZero();
        assertThat(rerun.out()).contains("had finished already").contains("it is the active copy");
        assertThat(rerun.err()).as("no progress bar when there is nothing to copy").isEmpty();
    }

    @Test
    void aCopyCancelledBeforeItRanDoesNotRun(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        deployAndIndex(cli, "vip/cancelled", 3, 10);
        String dst = cli.json("copy", "create", "vip/cancelled", "shard_b", "default", "--json").get("dst").asText();

        var cancel = cli.run("copy", "cancel", dst);
        assertThat(cancel.exit()).as(cancel.all()).isZero();
        assertThat(cancel.out()).startsWith("copy " + dst + " (").contains(": cancelled at 0% (")
                .contains("it is unassigned and removed later as unused");
        var twice = cli.run("copy", "cancel", dst);
        assertThat(twice.exit()).as(twice.all()).isZero();
        assertThat(twice.out()).contains("was already cancelled");

        var run = cli.run("copy", "run", dst);
        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("copy " + dst).contains(" was cancelled (")
                .contains("it is unassigned and removed later as unused");
        assertThat(run.err()).isEmpty();

        assertThat(cli.run("copy", "list").out()).containsPattern("(?m)^sgd\\d+ \\(shard_a\\) -> " + dst + " \\(shard_b\\)"
                + "\\s+cancelled\\s+0% \\(0/\\d+ rows\\)\\s+9\\s+unassigned$");
        JsonNode listed = find(cli.json("copy", "list", "--json"), dst);
        assertThat(listed.get("state").asText()).isEqualTo("cancelled");
        assertThat(listed.get("cancelled_at").isNull()).isFalse();
        assertThat(listed.get("node").isNull()).as("a cancelled copy is unassigned").isTrue();
        assertThat(cli.run("copy", "status", dst).out()).containsPattern("state\\s+cancelled 0%")
                .containsPattern("cancelled\\s+\\d{4}-");
    }

    static JsonNode find(JsonNode copies, String dst) {
        List<JsonNode> found = new ArrayList<>();
        copies.forEach(c -> {
            if (c.get("dst").asText().equals(dst)) {
                found.add(c);
            }
        });
        assertThat(found).as("%s in %s", dst, copies).hasSize(1);
        return found.get(0);
    }

    private static String activeShard(ShardCli cli, String hash) {
        List<String> active = new ArrayList<>();
        cli.json("info", hash, "--json").forEach(site -> {
            if (site.get("active").asBoolean()) {
                active.add(site.get("shard").asText());
            }
        });
        assertThat(active).hasSize(1);
        return active.get(0);
    }
}
