package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MultiShard({"primary", "shard_a", "shard_b"})
class DatabaseMirrorTest {
    private static final String PASSWORD = TestServer.PASSWORD.reveal();

    @Test
    void mirrorCopiesTheDirectoryIntoEveryOtherShardAndStatusShowsTheAge(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        cli.deploy("org/mirrored", 1);

        var refresh = cli.run("database", "mirror");
        assertThat(refresh.exit()).as(refresh.all()).isZero();
        assertThat(refresh.out()).containsPattern("SHARD\\s+ROWS\\s+TIME\\(ms\\)\\s+AGE\\s+ERROR")
                .containsPattern("(?m)^shard_a\\s+[1-9]\\d*\\s+\\d+\\s+\\d+s$")
                .containsPattern("(?m)^shard_b\\s+[1-9]\\d*\\s+\\d+\\s+\\d+s$")
                .doesNotContain("primary");

        JsonNode json = cli.json("database", "mirror", "--json");
        assertThat(json.get("refreshed").asBoolean()).isTrue();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("shards")).extracting(s -> s.get("shard").asText()).containsExactly("shard_a", "shard_b");
        assertThat(json.get("shards")).allSatisfy(s -> {
            assertThat(s.get("rows").asLong()).isPositive();
            assertThat(s.get("age_s").asLong()).isBetween(0L, 60L);
            assertThat(s.get("error").isNull()).isTrue();
        });

        var status = cli.run("database", "mirror", "--status");
        assertThat(status.exit()).as(status.all()).isZero();
        assertThat(status.out()).containsPattern("SHARD\\s+AGE\\s+ERROR")
                .containsPattern("(?m)^shard_a\\s+\\d+s$").containsPattern("(?m)^shard_b\\s+\\d+s$")
                .doesNotContain("ROWS");
        JsonNode statusJson = cli.json("database", "mirror", "--status", "--json");
        assertThat(statusJson.get("refreshed").asBoolean()).isFalse();
        assertThat(statusJson.get("shards")).hasSize(2).allSatisfy(s -> assertThat(s.get("refreshed_at").isTextual()).isTrue());
        assertThat(refresh.all() + status.all()).doesNotContain(PASSWORD);
    }

    @Test
    void withThePrimaryDownItShowsTheCurrentAgesAndFailsNamingThePrimary(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        cli.deploy("org/before-outage", 2);
        assertThat(cli.run("database", "mirror").exit()).isZero();

        Path down = Files.writeString(dir.resolve("primary-down.toml"), primaryOnDeadPort(shards.configToml(ShardCli.RULES)));
        var r = new GraphmanRunner(dir).env(StoreOptions.CONNECT_TIMEOUT_ENV, "1000")
                .run("--config", down.toString(), "database", "mirror");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).containsPattern("SHARD\\s+AGE\\s+ERROR")
                .containsPattern("(?m)^shard_a\\s+\\d+(s|m \\d\\ds)$").containsPattern("(?m)^shard_b\\s+\\d+(s|m \\d\\ds)$");
        String error = r.err().lines().filter(l -> l.startsWith("error:")).reduce((a, b) -> b).orElseThrow();
        assertThat(r.err().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
        assertThat(error).startsWith("error: cannot refresh the mirrors").contains("shard 'primary' at 127.0.0.1:");
        assertThat(r.all()).doesNotContain(PASSWORD);
    }

    /** The config with the primary's port replaced by one nothing listens on. */
    private static String primaryOnDeadPort(String toml) throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        int start = toml.indexOf("[store.primary]");
        int end = toml.indexOf("[store.", start + 1);
        String section = toml.substring(start, end).replaceFirst("@[^/@]+:\\d+/", "@127.0.0.1:" + dead + "/");
        return toml.substring(0, start) + section + toml.substring(end);
    }
}
