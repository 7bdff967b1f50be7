package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MultiShard({"primary", "shard_a", "shard_b"})
class CopyVerifyCommandTest {

    @Test
    void verifyPassesOnAFinishedCopyAndFailsNamingTheRangeOfATamperedRow(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        CopyWorkflowTest.deployAndIndex(cli, "vip/verified", 1, 40);
        var create = cli.run("copy", "create", "vip/verified", "shard_b", "default");
        assertThat(create.exit()).as(create.all()).isZero();
        String dst = create.out().replaceFirst("(?s)^created (sgd\\d+) in shard_b: .*", "$1");
        assertThat(cli.run("copy", "run", dst).exit()).isZero();

        var ok = cli.run("copy", "verify", dst);
        assertThat(ok.exit()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("identical").doesNotContain("DIFFERS");
        // the active copy follows nothing: it is compared with the other copy, either way round
        String active = cli.json("info", "vip/verified", "--json").get(0).get("namespace").asText();
        var fromActive = cli.run("copy", "verify", active);
        assertThat(fromActive.exit()).as(fromActive.all()).isZero();
        assertThat(fromActive.out()).startsWith(active).contains(" against " + dst);
        var both = cli.run("copy", "verify", active, dst);
        assertThat(both.exit()).as(both.all()).isZero();
        assertThat(cli.run("copy", "verify", active, active).exit()).isEqualTo(2);

        try (Connection c = shards.connect(ShardName.of("shard_b")); Statement s = c.createStatement()) {
            s.execute("update " + dst + ".token set name = 'tampered' where vid = (select min(vid) from " + dst + ".token)");
        }
        var bad = cli.run("copy", "verify", dst, "--json");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("\"identical\" : false").contains("\"from_vid\" : 0");
        var table = cli.run("copy", "verify", dst);
        assertThat(table.out()).containsPattern("Token\\s+\\d+\\s+1\\s+DIFFERS in vids 0\\.\\.99999");
    }
}
