package io.graphstore.store.primary;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.AssignmentAdmin;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a"})
class DirectoryCacheTest {

    @Test
    void aChangeByAnotherProcessIsSeenWithinSeconds(TestShards shards) {
        ShardedStore reader = shards.open(shards.config());
        ShardedStore writer = shards.open(shards.config());
        Directory cached = reader.directory();
        cached.enableCache();
        await(cached::cacheActive);

        assertThat(cached.subgraph(SubgraphName.of("org/late"))).isEmpty();
        Samples.deployToken(writer, "org/late", 1);
        await(() -> cached.subgraph(SubgraphName.of("org/late")).isPresent());

        var site = cached.resolveOne("org/late");
        assertThat(cached.activeSite(site.hash())).contains(site);
        new AssignmentAdmin(writer).unassign("org/late");
        writer.directory().write(h -> h.execute("update public.deployment_schemas set network = 'changed' where id = ?",
                site.id().value()));
        await(() -> cached.activeSite(site.hash()).orElseThrow().network().equals("changed"));
    }

    @Test
    void thisProcesssOwnWritesAreSeenAtOnce(TestShards shards) {
        ShardedStore store = shards.open(shards.config());
        Directory directory = store.directory();
        directory.enableCache();
        await(directory::cacheActive);
        var site = Samples.deployToken(store, "org/own", 2).site();
        assertThat(directory.resolveOne("org/own")).isEqualTo(site);
        new AssignmentAdmin(store).reassign("org/own", NodeId.of("index_node_7"));
        assertThat(directory.assignment(site.id()).orElseThrow().nodeId()).isEqualTo("index_node_7");
        directory.write(h -> h.execute("update public.deployment_schemas set network = 'other' where id = ?",
                site.id().value()));
        assertThat(directory.activeSite(site.hash()).orElseThrow().network()).isEqualTo("other");
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 15 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
