package io.graphstore.store.fdw;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class FdwWiringTest {
    private static final ShardName A = ShardName.of("shard_a");
    private static final ShardName B = ShardName.of("shard_b");

    @Test
    void openingWiresEveryDatabaseToEveryOtherShard(TestShards shards) throws Exception {
        ShardedStore store = shards.store();
        assertThat(store.wiringReport().ok()).as(store.wiringReport().toString()).isTrue();
        assertThat(count(shards, A, "select count(*) from primary_public.chains")).isZero();
        assertThat(count(shards, B, "select count(*) from primary_public.deployment_schemas")).isZero();
        assertThat(count(shards, ShardName.PRIMARY, "select count(*) from primary_public.active_copies")).isZero();
        assertThat(count(shards, ShardName.PRIMARY, "select count(*) from shard_shard_a_subgraphs.head")).isZero();
        assertThat(count(shards, A, "select count(*) from shard_shard_b_subgraphs.copy_table_state")).isZero();
        assertThat(count(shards, B, "select count(*) from shard_primary_subgraphs.refresh")).isZero();
        assertThat(count(shards, A, "select count(*) from pg_foreign_server where srvname like 'shard_%'")).isEqualTo(2);

        // a row written in the primary is visible through the mapping in a shard
        exec(shards, ShardName.PRIMARY, "insert into public.chains (name, shard, namespace) values ('probe', 'primary', 'chain_probe')");
        assertThat(count(shards, A, "select count(*) from primary_public.chains where name = 'probe'")).isEqualTo(1);
        exec(shards, ShardName.PRIMARY, "delete from public.chains where name = 'probe'");

        assertThat(store.checkConnectivity()).hasSize(6).allSatisfy(r -> {
            assertThat(r.ok()).as("%s -> %s: %s", r.dest(), r.source(), r.firstError()).isTrue();
            assertThat(r.passed()).isEqualTo(r.probes()).isGreaterThanOrEqualTo(13);
        });
    }

    @Test
    void aSecondOpenChangesNothingAndForceRemapsEverything(TestShards shards) {
        shards.store();
        ShardedStore again = shards.open(shards.config());
        assertThat(again.wiringReport().pairs()).hasSize(7).noneMatch(PairResult::changed);

        RemapReport forced = again.remap(new FdwWiring.Scope(Optional.empty(), Optional.of(A), true, false));
        assertThat(forced.pairs()).hasSize(2).allMatch(PairResult::ok)
                .allSatisfy(p -> assertThat(p.actions()).anyMatch(a -> a.contains("mapped")));
    }

    @Test
    void aRotatedPasswordIsPickedUpOnTheNextOpen(TestShards shards) throws Exception {
        shards.store();
        String newPassword = "rotated-Pw-1";
        exec(shards, ShardName.PRIMARY, "alter role " + TestServer.ROLE + " password '" + newPassword + "'");
        try {
            String toml = shards.storesToml().replace(TestServer.PASSWORD.reveal(), newPassword);
            ShardedStore rotated = shards.open(ConfigLoader.parse(toml, "rotated.toml", n -> Optional.empty()));
            assertThat(rotated.wiringReport().pairs()).filteredOn(p -> !p.dest().equals(p.source()))
                    .allSatisfy(p -> assertThat(p.actions()).contains("user mapping altered"));
            assertThat(rotated.checkConnectivity()).allMatch(CheckResult::ok);
            assertThat(rotated.wiringReport().toString()).doesNotContain(newPassword);
        } finally {
            shards.server(ShardName.PRIMARY).admin().ensureRole(TestServer.ROLE, TestServer.PASSWORD);
            shards.open(shards.config());
        }
    }

    @Test
    void remapRemovesWhatAShardNoLongerConfiguredLeftBehind(TestShards shards) throws Exception {
        shards.store();
        String toml = shards.storesToml();
        String withoutB = toml.substring(0, toml.indexOf("[store.shard_b]"));
        ShardedStore smaller = shards.open(ConfigLoader.parse(withoutB, "smaller.toml", n -> Optional.empty()));
        RemapReport report = smaller.remap(new FdwWiring.Scope(Optional.empty(), Optional.empty(), false, true));
        assertThat(report.ok()).isTrue();
        assertThat(report.removed()).containsExactlyInAnyOrder("primary: server shard_shard_b",
                "primary: schema shard_shard_b_subgraphs", "shard_a: server shard_shard_b",
                "shard_a: schema shard_shard_b_subgraphs");
        for (ShardName s : List.of(ShardName.PRIMARY, A)) {
            assertThat(count(shards, s, "select count(*) from pg_foreign_server where srvname = 'shard_shard_b'")).isZero();
            assertThat(count(shards, s, "select count(*) from pg_namespace where nspname = 'shard_shard_b_subgraphs'")).isZero();
        }
        assertThat(smaller.remap(new FdwWiring.Scope(Optional.empty(), Optional.empty(), false, true)).removed()).isEmpty();
        shards.open(shards.config()); // put shard_b back for the other tests
    }

    static long count(TestShards shards, ShardName shard, String sql) throws Exception {
        try (Connection c = shards.connect(shard); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void exec(TestShards shards, ShardName shard, String sql) throws Exception {
        try (Connection c = shards.connect(shard); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
