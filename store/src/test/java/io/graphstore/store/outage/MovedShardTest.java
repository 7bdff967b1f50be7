package io.graphstore.store.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.fdw.CheckResult;
import io.graphstore.store.fdw.PairResult;
import io.graphstore.store.testing.OwnServers;
import io.graphstore.store.testing.TestShards;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A shard's server moves to another port; the config says so; the next open re-points every mapping. */
@Tag("fault")
class MovedShardTest {
    private static OwnServers servers;

    @BeforeAll
    static void start() {
        servers = new OwnServers(List.of("primary", "shard_a", "shard_b"));
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void aShardOnANewPortIsRemappedOnTheNextOpen() {
        TestShards shards = servers.shards();
        ShardedStore before = shards.open(shards.config());
        assertThat(before.checkConnectivity()).allMatch(CheckResult::ok);

        int port = servers.moveToNewPort("shard_a");
        assertThat(before.checkConnectivity()).filteredOn(r -> r.source().value().equals("shard_a"))
                .as("the old mappings point at the old port").noneMatch(CheckResult::ok);

        ShardedStore after = shards.open(shards.config());
        assertThat(after.wiringReport().pairs()).filteredOn(p -> p.source().value().equals("shard_a"))
                .hasSize(2).allSatisfy(p -> assertThat(p.actions()).contains("server altered"));
        assertThat(after.wiringReport().pairs()).allMatch(PairResult::ok);
        assertThat(after.checkConnectivity()).allMatch(CheckResult::ok);
        assertThat(after.config().store(io.graphstore.common.ShardName.of("shard_a")).orElseThrow()
                .connection().port()).isEqualTo(port);
    }
}
