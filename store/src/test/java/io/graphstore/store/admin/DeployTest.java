package io.graphstore.store.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.primary.SiteDao;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class DeployTest {
    static final String RULES = """
            [chains]
            [chains.mainnet]
            shard = "primary"
            [chains.sepolia]
            shard = "shard_b"

            [deployment]
            [[deployment.rule]]
            match = { name = "vip/.*" }
            shard = "shard_a"
            indexers = [ "index_node_vip" ]
            [[deployment.rule]]
            match = { network = [ "sepolia" ] }
            shards = [ "shard_a", "shard_b" ]
            indexers = [ "index_node_0", "index_node_1" ]
            strategy = "hrw"
            [[deployment.rule]]
            shards = [ "shard_a", "shard_b" ]
            indexers = [ "index_node_0", "index_node_1" ]
            """;

    private static ShardedStore store(TestShards shards) {
        return shards.open(shards.config(RULES));
    }

    private static DeployRequest request(String name, int n, String network) {
        return new DeployRequest(SubgraphName.of(name), Samples.hash(n), Samples.tokenSchema(), "token.graphql",
                Optional.of(network), Optional.empty());
    }

    @Test
    void deploymentsArePlacedByTheFirstMatchingRule(TestShards shards) {
        ShardedStore store = store(shards);
        DeploymentAdmin admin = new DeploymentAdmin(store);
        DeployResult vip = admin.deploy(request("vip/one", 1, "mainnet"));
        assertThat(vip.site().shard()).isEqualTo(ShardName.of("shard_a"));
        assertThat(vip.node()).isEqualTo(NodeId.of("index_node_vip"));
        assertThat(vip.created()).isTrue();
        assertThat(vip.placement().orElseThrow()).contains("the rule names only shard_a");

        for (int i = 2; i <= 5; i++) {
            var counts = store.directory().assignedPerShard();
            long onA = counts.getOrDefault(ShardName.of("shard_a"), 0L);
            long onB = counts.getOrDefault(ShardName.of("shard_b"), 0L);
            ShardName expected = onB < onA ? ShardName.of("shard_b") : ShardName.of("shard_a");
            DeployResult r = admin.deploy(request("org/least-" + i, i, "mainnet"));
            assertThat(r.site().shard()).as("least_used with %s on shard_a, %s on shard_b, ties to the first",
                    onA, onB).isEqualTo(expected);
            assertThat(r.node().value()).startsWith("index_node_");
        }
        DeployResult a = admin.deploy(request("org/a", 6, "mainnet"));

        DeployResult h = admin.deploy(request("org/hrw", 7, "sepolia"));
        String expected = io.graphstore.store.placement.Placement.choose(
                io.graphstore.config.PlacementStrategy.HRW, "org/hrw", java.util.List.of("shard_a", "shard_b"),
                java.util.Map.of()).winner();
        assertThat(h.site().shard().value()).isEqualTo(expected);
        assertThat(h.site().network()).isEqualTo("sepolia");

        assertThat(store.directory().namesFor(Samples.hash(6)))
                .singleElement().satisfies(r -> {
                    assertThat(r.name()).isEqualTo("org/a");
                    assertThat(r.status()).isEqualTo("current");
                });
        assertThat(store.directory().resolveOne("org/a")).isEqualTo(a.site());
        assertThat(store.directory().chains()).extracting(c -> c.name()).contains("mainnet", "sepolia");
    }

    @Test
    void anExistingHashUnderANewNameOnlyPointsTheName(TestShards shards) {
        DeploymentAdmin admin = new DeploymentAdmin(store(shards));
        Site first = admin.deploy(request("org/first", 10, "mainnet")).site();
        DeployResult second = admin.deploy(request("org/second", 10, "mainnet"));
        assertThat(second.created()).isFalse();
        assertThat(second.site()).isEqualTo(first);
    }

    @Test
    void badInputIsRejectedBeforeAnythingIsWritten(TestShards shards) throws Exception {
        ShardedStore store = store(shards);
        DeploymentAdmin admin = new DeploymentAdmin(store);
        admin.deploy(request("org/dup", 20, "mainnet"));
        long before = directoryRows(shards);

        assertThatThrownBy(() -> admin.deploy(request("org/dup", 20, "mainnet")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is already deployed as 'org/dup'");
        assertThatThrownBy(() -> admin.deploy(request("org/net", 21, "ropsten")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("network 'ropsten' is not configured");
        assertThatThrownBy(() -> admin.deploy(new DeployRequest(SubgraphName.of("org/bad"), Samples.hash(22),
                "type Token @entity {\n  id: ID!\n  name: String!!\n}", "bad.graphql", Optional.empty(), Optional.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("bad.graphql:3:");
        assertThatThrownBy(() -> admin.deploy(new DeployRequest(SubgraphName.of("org/other"), Samples.hash(20),
                "type Other @entity { id: ID! }", "other.graphql", Optional.of("mainnet"), Optional.empty())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("different schema");
        assertThatThrownBy(() -> admin.deploy(request("org/dup2", 20, "sepolia")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already exists on network 'mainnet'");
        assertThatThrownBy(() -> DeploymentHash.of("Qm123")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("has 5 characters, not 46");

        assertThat(directoryRows(shards)).isEqualTo(before);
    }

    @Test
    void aFailureInTheShardLeavesNothingBehindAndARetrySucceeds(TestShards shards) throws Exception {
        ShardedStore store = store(shards);
        DeploymentAdmin admin = new DeploymentAdmin(store);
        int next = store.directory().write(h -> h.attach(SiteDao.class).nextId()) + 1;
        long before = directoryRows(shards);
        // vip/* goes to shard_a; a schema already named like the next site makes the shard step fail
        exec(shards, ShardName.of("shard_a"), "create schema sgd" + next);

        assertThatThrownBy(() -> admin.deploy(request("vip/retry", 30, "mainnet")))
                .isInstanceOf(StoreException.class).isNotInstanceOf(BadInputException.class)
                .hasMessageContaining("sgd" + next);
        assertThat(directoryRows(shards)).isEqualTo(before);
        assertThat(store.directory().sites(Samples.hash(30))).isEmpty();

        exec(shards, ShardName.of("shard_a"), "drop schema sgd" + next);
        DeployResult retry = admin.deploy(request("vip/retry", 30, "mainnet"));
        assertThat(retry.created()).isTrue();
        assertThat(store.deployments().data(retry.site()).head().entityCount()).isZero();
    }

    @Test
    void aDeployInterruptedAfterTheDirectoryStepIsCompletedByRunningItAgain(TestShards shards) {
        ShardedStore store = store(shards);
        Site orphan = store.directory().write(h -> {
            SiteDao sites = h.attach(SiteDao.class);
            int id = sites.nextId();
            sites.insert(id, Samples.hash(40).value(), "shard_b", "mainnet", true);
            return sites.byId(id).orElseThrow();
        });
        assertThat(store.deployments().exists(orphan)).isFalse();

        DeployResult done = new DeploymentAdmin(store).deploy(request("org/resumed", 40, "mainnet"));
        assertThat(done.site()).isEqualTo(orphan);
        assertThat(store.deployments().exists(orphan)).isTrue();
        assertThat(store.directory().resolveOne("org/resumed")).isEqualTo(orphan);
        assertThat(store.directory().assignment(orphan.id())).isPresent();
    }

    @Test
    void namesCanBeCreatedAndRemovedButNotTwice(TestShards shards) {
        DeploymentAdmin admin = new DeploymentAdmin(store(shards));
        admin.createName(SubgraphName.of("org/empty"));
        assertThatThrownBy(() -> admin.createName(SubgraphName.of("org/empty")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
        admin.removeName(SubgraphName.of("org/empty"));
        assertThatThrownBy(() -> admin.removeName(SubgraphName.of("org/empty")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
    }

    private static long directoryRows(TestShards shards) throws Exception {
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select (select count(*) from public.deployment_schemas)
                             + (select count(*) from subgraphs.subgraph)
                             + (select count(*) from subgraphs.subgraph_version)
                             + (select count(*) from subgraphs.subgraph_deployment_assignment)""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(TestShards shards, ShardName shard, String sql) throws Exception {
        try (Connection c = shards.connect(shard); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
