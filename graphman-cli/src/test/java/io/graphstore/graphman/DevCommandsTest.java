package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class DevCommandsTest {

    @Test
    void upThenCommandsUseTheDevClusterConfigThenDownStopsEverything(@TempDir Path dir) {
        GraphmanRunner graphman = new GraphmanRunner(dir);
        try {
            var up = graphman.run("dev", "up", "--shards", "2");
            assertThat(up.exit()).as(up.all()).isZero();
            assertThat(up.out()).contains("primary").contains("shard_a").contains("started");

            assertThat(graphman.run("dev", "status").exit()).isZero();
            var check = graphman.run("config", "check");
            assertThat(check.exit()).as(check.all()).isZero();
            assertThat(check.out()).contains("2 shards (primary, shard_a)");

            var migrate = graphman.run("database", "migrate");
            assertThat(migrate.exit()).as(migrate.all()).isZero();
            assertThat(migrate.all()).doesNotContain("password");
            var info = graphman.run("info");
            assertThat(info.exit()).as(info.all()).isZero();
            var again = graphman.run("database", "migrate", "--json");
            assertThat(again.exit()).as(again.all()).isZero();
            // every shard reports its version, none is skipped as unreachable or unasked
            assertThat(again.out()).as("migrate always asks every shard, stamp or not")
                    .containsPattern("\"shard_version_after\" : \"\\d+\"").doesNotContain("\"shard_version_after\" : null")
                    .doesNotContain("\"status\" : \"unreachable\"");
        } finally {
            var down = graphman.run("dev", "down");
            assertThat(down.exit()).isZero();
        }
        var status = graphman.run("dev", "status", "--json");
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.out()).contains("\"running\" : false").doesNotContain("\"running\" : true");
        var stopped = graphman.run("config", "check");
        assertThat(stopped.exit()).as("no running cluster, no config").isEqualTo(2);
        assertThat(stopped.err()).contains("dev cluster").contains("is stopped").contains("graphman dev up");
    }

    @Test
    void downWithPurgeRemovesTheClusterSoTheNextUpStartsAfresh(@TempDir Path dir) {
        GraphmanRunner graphman = new GraphmanRunner(dir);
        try {
            var up = graphman.run("dev", "up", "--shards", "2");
            assertThat(up.exit()).as(up.all()).isZero();
        } finally {
            var purge = graphman.run("dev", "down", "--purge");
            assertThat(purge.exit()).as(purge.all()).isZero();
            assertThat(purge.out()).contains("stopped").contains("removed");
        }
        assertThat(dir.resolve(".graphman")).doesNotExist();
        var status = graphman.run("dev", "status");
        assertThat(status.exit()).isEqualTo(1);
        var nothing = graphman.run("dev", "down", "--purge");
        assertThat(nothing.exit()).isZero();
        assertThat(nothing.out()).contains("nothing to remove");
    }

    @Test
    void anOutOfRangeShardCountIsBadInput(@TempDir Path dir) {
        var r = new GraphmanRunner(dir).run("dev", "up", "--shards", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--shards 0 is out of range");
    }
}
