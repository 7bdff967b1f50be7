package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ShardName VIP = ShardName.of("vip");
    private static final ShardName SHARDA = ShardName.of("sharda");
    private static final ShardName SHARDB = ShardName.of("shardb");

    @Test
    void aShardedGraphNodeFileLoadsWithItsStoresInFileOrder() {
        Config config = TestFiles.load("graph-node-sharded.toml");

        assertThat(config.shardNames()).containsExactly(ShardName.PRIMARY, VIP, SHARDA, SHARDB);
        StoreConfig primary = config.primary();
        assertThat(primary.weight()).isZero();
        assertThat(primary.connection().host()).isEqualTo("primary.db.internal");
        assertThat(primary.connection().password().reveal()).isEqualTo(TestFiles.PASSWORD);
        assertThat(primary.fdwPoolSize()).isEqualTo(new PoolSize.Fixed(5));
        assertThat(config.store(VIP).orElseThrow().connection().host()).isEqualTo("vip-main.internal");
        assertThat(config.store(VIP).orElseThrow().fdwPoolSize().sizeFor(NodeId.of("x"))).isEqualTo(8);
        assertThat(config.store(SHARDA).orElseThrow().connection().port()).isEqualTo(5433);
        assertThat(config.store(ShardName.of("nope"))).isEmpty();
    }

    @Test
    void poolSizesAreResolvedPerNodeFromTheRules() {
        Config config = TestFiles.load("graph-node-sharded.toml");
        StoreConfig primary = config.primary();
        StoreConfig vip = config.store(VIP).orElseThrow();

        assertThat(primary.poolSize().sizeFor(NodeId.of("index_node_vip_3"))).isEqualTo(10);
        assertThat(primary.poolSize().sizeFor(NodeId.of("query_node_1"))).isEqualTo(40);
        assertThat(primary.poolSize().sizeFor(NodeId.of("block_ingestor_node"))).isEqualTo(2);
        assertThat(vip.poolSize().sizeFor(NodeId.of("index_node_community_2"))).isZero();
        assertThat(vip.poolSize().sizeFor(NodeId.of("block_ingestor_node"))).isEqualTo(2);
        assertThatThrownBy(() -> primary.poolSize().sizeFor(NodeId.of("default")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("store.primary.pool_size: no rule matches node 'default'; add a rule "
                        + "for it or a catch-all { node = \".*\", size = N }");
    }

    @Test
    void replicasKeepFileOrderAndInheritTheStorePoolSize() {
        Config config = TestFiles.load("graph-node-sharded.toml");
        List<ReplicaConfig> replicas = config.primary().replicas();

        assertThat(replicas).extracting(ReplicaConfig::name).containsExactly("repl1", "repl2");
        assertThat(replicas.get(0).poolSize()).isSameAs(config.primary().poolSize());
        assertThat(replicas.get(1).poolSize()).isEqualTo(new PoolSize.Fixed(20));
        assertThat(replicas.get(1).connection().port()).isEqualTo(6432);
        assertThat(replicas.get(1).connection().params()).containsEntry("sslmode", "require");
        assertThat(config.store(VIP).orElseThrow().replica("repl1").orElseThrow().connection().host())
                .isEqualTo("vip-repl1.internal");
    }

    @Test
    void chainsKeepTheirShardAndTheIngestorAndDropProviders() {
        ChainsConfig chains = TestFiles.load("graph-node-sharded.toml").chains();

        assertThat(chains.ingestor()).contains(NodeId.of("block_ingestor_node"));
        assertThat(chains.isIngestor(NodeId.of("block_ingestor_node"))).isTrue();
        assertThat(chains.isIngestor(NodeId.of("index_node_vip_0"))).isFalse();
        assertThat(chains.chains().keySet())
                .containsExactly("mainnet", "sepolia", "xdai", "poa-core", "near-mainnet");
        assertThat(chains.chain("mainnet")).contains(new ChainConfig("mainnet", VIP));
        assertThat(chains.chain("near-mainnet").orElseThrow().shard()).isEqualTo(SHARDB);
    }

    @Test
    void deploymentsArePlacedByTheFirstMatchingRule() {
        Config config = TestFiles.load("graph-node-sharded.toml");

        DeploymentRule vip = config.ruleFor("vip/uniswap", "mainnet");
        assertThat(vip.index()).isZero();
        assertThat(vip.shards()).containsExactly(VIP);
        assertThat(vip.indexers()).containsExactly(NodeId.of("index_node_vip_0"), NodeId.of("index_node_vip_1"));
        assertThat(config.ruleFor("important/x", "sepolia").index()).isZero();
        assertThat(config.ruleFor("someone/x", "sepolia").shards()).containsExactly(ShardName.PRIMARY);
        DeploymentRule xdai = config.ruleFor("someone/x", "poa-core");
        assertThat(xdai.index()).isEqualTo(2);
        assertThat(xdai.strategy()).isEqualTo(PlacementStrategy.HRW);
        DeploymentRule rest = config.ruleFor("someone/x", "mainnet");
        assertThat(rest.index()).isEqualTo(3);
        assertThat(rest.shards()).containsExactly(SHARDA, SHARDB);
        assertThat(rest.strategy()).isEqualTo(PlacementStrategy.LEAST_USED);
        assertThat(config.ruleFor("notvip/vip/x", "mainnet").index()).isEqualTo(3);
    }

    @Test
    void describeShowsTheResolvedConfigWithPasswordsMasked() {
        Config config = TestFiles.load("graph-node-sharded.toml");
        Map<String, Object> described = config.describe();

        assertThat(described.toString()).doesNotContain(TestFiles.PASSWORD);
        assertThat(described).containsOnlyKeys("stores", "chains", "deployment");
        Map<?, ?> stores = (Map<?, ?>) described.get("stores");
        assertThat(List.copyOf(stores.keySet())).isEqualTo(List.of("primary", "vip", "sharda", "shardb"));
        Map<?, ?> primary = (Map<?, ?>) stores.get("primary");
        assertThat(primary.get("connection"))
                .isEqualTo("postgresql://graph:***@primary.db.internal:5432/graph");
        assertThat(primary.get("weight")).isEqualTo(0);
        assertThat((List<?>) primary.get("pool_size")).first()
                .isEqualTo(Map.of("node", "index_node_vip_.*", "size", 10));
        Map<?, ?> repl2 = (Map<?, ?>) ((Map<?, ?>) primary.get("replicas")).get("repl2");
        assertThat(repl2.get("params")).isEqualTo(Map.of("sslmode", "require"));
        assertThat(repl2.get("pool_size")).isEqualTo(20);
        Map<?, ?> chains = (Map<?, ?>) described.get("chains");
        assertThat(chains.get("ingestor")).isEqualTo("block_ingestor_node");
        List<?> rules = (List<?>) ((Map<?, ?>) described.get("deployment")).get("rules");
        assertThat(rules).hasSize(4);
        assertThat(((Map<?, ?>) rules.get(2)).get("match"))
                .isEqualTo(Map.of("network", List.of("xdai", "poa-core")));
        assertThat(((Map<?, ?>) rules.get(2)).get("strategy")).isEqualTo("hrw");
    }

    @Test
    void describeMasksPasswordsPassedAsUrlParameters() {
        Config config = TestFiles.parse("""
                [store.primary]
                connection = "postgresql://u:p4ss@h/db?sslmode=verify-full&sslpassword=keyPw99"
                pool_size = 10
                """);

        Map<?, ?> primary = (Map<?, ?>) ((Map<?, ?>) config.describe().get("stores")).get("primary");
        assertThat(primary.get("params")).isEqualTo(Map.of("sslmode", "verify-full", "sslpassword", "***"));
        assertThat(config.describe().toString()).doesNotContain("keyPw99").doesNotContain("p4ss");
    }

    @Test
    void aMinimalFileLoadsWithDefaults() {
        Config config = TestFiles.load("graph-node-single.toml");
        StoreConfig primary = config.primary();

        assertThat(config.shardNames()).containsExactly(ShardName.PRIMARY);
        assertThat(primary.poolSize()).isEqualTo(new PoolSize.Fixed(10));
        assertThat(primary.fdwPoolSize()).isEqualTo(new PoolSize.Fixed(5));
        assertThat(primary.weight()).isEqualTo(1);
        assertThat(primary.replicas()).isEmpty();
        assertThat(primary.connection().password().reveal()).isEqualTo("let@me:in");
        assertThat(primary.connection().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/graph-node");
        assertThat(config.chains()).isEqualTo(ChainsConfig.NONE);
        assertThat(config.rules()).hasSize(1);
        assertThat(config.ruleFor("a/b", "anything").indexers()).containsExactly(NodeId.of("index_node_0"));
    }

    @Test
    void aHelmRenderedFileWithoutDeploymentSectionUsesTheDefaultRule() {
        Config config = TestFiles.load("graph-node-helm.toml");

        assertThat(config.primary().connection().masked())
                .isEqualTo("postgresql://graph:***@pg-main.internal:5433/graph");
        assertThat(config.primary().replicas().get(0).poolSize()).isEqualTo(new PoolSize.Fixed(10));
        assertThat(config.chains().chain("avalanche").orElseThrow().shard()).isEqualTo(ShardName.PRIMARY);
        assertThat(config.rules()).containsExactly(DeploymentRule.defaultRule());
        DeploymentRule rule = config.ruleFor("any/name", "avalanche");
        assertThat(rule.shards()).containsExactly(ShardName.PRIMARY);
        assertThat(rule.indexers()).containsExactly(NodeId.DEFAULT);
        assertThat(rule.strategy()).isEqualTo(PlacementStrategy.LEAST_USED);
    }

    @Test
    void loadReadsAFileAndNamesItInSyntaxErrors(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("graph-node.toml");
        Files.writeString(good, TestFiles.text("graph-node-single.toml"));
        assertThat(ConfigLoader.load(good).primary().connection().database()).isEqualTo("graph-node");

        Path bad = dir.resolve("bad.toml");
        Files.writeString(bad, "[store.primary]\nconnection = = 1\n");
        assertThatThrownBy(() -> ConfigLoader.load(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(bad + ":2:14: syntax error: ");
    }

    @Test
    void aMissingFileIsReportedWithWhereConfigComesFrom(@TempDir Path dir) {
        Path missing = dir.resolve("x.toml");

        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file '" + missing + "' cannot be read: NoSuchFileException; "
                        + "check --config or GRAPH_NODE_CONFIG")
                .satisfies(e -> assertThat(((ConfigException) e).path()).isEmpty());
    }

    @Test
    void aFileWithTheSyntaxGraphNodeAcceptsLoadsUnchanged() {
        Config config = TestFiles.load("graph-node-compat.toml");
        StoreConfig primary = config.primary();
        StoreConfig archive = config.store(ShardName.of("archive")).orElseThrow();

        assertThat(primary.connection().password().reveal()).isEqualTo(TestFiles.PASSWORD);
        assertThat(primary.connection().host()).isEqualTo("pg-main.internal");
        assertThat(primary.connection().port()).isEqualTo(5433);
        assertThat(primary.poolSize().sizeFor(NodeId.of("index-node-3"))).isEqualTo(12);
        // a rule without node applies to every node
        assertThat(primary.poolSize().sizeFor(NodeId.of("graph-node"))).isEqualTo(4);
        ReplicaConfig replica = primary.replica("repl-east-1").orElseThrow();
        assertThat(replica.connection().user()).isEqualTo("graph");
        assertThat(replica.weight()).isEqualTo(2);
        assertThat(replica.poolSize()).isSameAs(primary.poolSize());
        assertThat(archive.connection().port()).isEqualTo(5434);
        assertThat(archive.poolSize().sizeFor(NodeId.of("query-node-1"))).isZero();

        assertThat(config.chains().isIngestor(NodeId.of("graph-node"))).isTrue();
        assertThat(config.chains().chain("mainnet").orElseThrow().shard()).isEqualTo(ShardName.of("archive"));

        DeploymentRule vip = config.ruleFor("vip/uniswap", "mainnet");
        assertThat(vip.index()).isZero();
        assertThat(vip.shards()).containsExactly(ShardName.of("archive"), ShardName.PRIMARY);
        assertThat(vip.indexers()).containsExactly(NodeId.of("index-node-0"), NodeId.of("index-node-1"));
        DeploymentRule rest = config.ruleFor("vip/uniswap", "sepolia");
        assertThat(rest.index()).isEqualTo(1);
        assertThat(rest.isCatchAll()).isTrue();
        assertThat(rest.shards()).containsExactly(ShardName.PRIMARY);
        assertThat(rest.indexers()).containsExactly(NodeId.of("graph-node"));
    }

    @Test
    void nodeIdsAreAnyTextOfOneToSixtyThreeBytesAsInGraphNode() {
        for (String id : List.of("graph-node", "index-node-0", "Index Node", "node.1@eu", "n".repeat(63),
                "é".repeat(31))) {
            assertThat(NodeId.of(id).value()).isEqualTo(id);
        }
        // 32 two-byte characters are 64 bytes
        for (String id : List.of("", "n".repeat(64), "\u00e9".repeat(32), "a\tb", "a\u202eb")) {
            assertThatThrownBy(() -> NodeId.of(id)).as(id).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("node id ");
        }
    }

    @Test
    void environmentVariablesAreExpandedAsGraphNodeDoes() {
        Map<String, String> env = Map.of("U", "me", "P", "x$y", "PORT", "6543", "EMPTY", "");

        assertThat(connection("postgresql://${U}:a$$b$P$@h/db", env).user()).isEqualTo("me");
        // $$ is one '$', a '$' before a character that cannot start a name stays, values are not expanded again
        assertThat(connection("postgresql://${U}:a$$b$P$@h/db", env).password().reveal()).isEqualTo("a$bx$y$");
        assertThat(connection("postgresql://$U:pw@h:$PORT/db", env).port()).isEqualTo(6543);
        assertThat(connection("postgresql://u:pw@h:${NOPE:-5440}/db", env).port()).isEqualTo(5440);
        assertThat(connection("postgresql://u:pw@h:${PORT:-5440}/db", env).port()).isEqualTo(6543);
        assertThat(connection("postgresql://u:pw${EMPTY}@h/db", env).password().reveal()).isEqualTo("pw");
        // a "${" that no "}" closes is kept
        assertThat(connection("postgresql://u:p${w@h/db", env).password().reveal()).isEqualTo("p${w");
    }

    @Test
    void anUnsetVariableIsAnErrorThatNamesItOnlyInBraces() {
        Map<String, String> env = Map.of();

        assertThatThrownBy(() -> connection("postgresql://u:${PG_PASS}@h/db", env))
                .hasMessage("store.primary.connection: environment variable 'PG_PASS' is not set; "
                        + "export it or write the value in the file");
        // without braces the "name" may be the rest of a password that holds a '$'
        assertThatThrownBy(() -> connection("postgresql://u:pa$sWord9@h/db", env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("an environment variable written as $NAME is not set")
                .hasMessageContaining("write a '$' that belongs to the text as '$$'")
                .hasMessageNotContaining("sWord9");
        assertThatThrownBy(() -> connection("postgresql://u:${:-x}@h/db", env))
                .hasMessageContaining("'${...}' does not hold a valid variable name");
    }

    private static ConnectionInfo connection(String url, Map<String, String> env) {
        return ConfigLoader.parse("[store.primary]\nconnection = \"" + url + "\"\npool_size = 10\n", "t.toml",
                name -> Optional.ofNullable(env.get(name))).primary().connection();
    }

    @Test
    void configsWithTheSameContentAreEqual() {
        assertThat(TestFiles.load("graph-node-sharded.toml"))
                .isEqualTo(TestFiles.load("graph-node-sharded.toml"));
    }

    @Test
    void anyNetworkIsAcceptedWhenTheConfigDeclaresNoChains() {
        Config config = TestFiles.parse("""
                [store.primary]
                connection = "postgresql://u:pw@h/db"
                pool_size = 10
                [[deployment.rule]]
                match = { network = "kovan" }
                indexers = [ "index_node_kovan_0" ]
                [[deployment.rule]]
                indexers = [ "index_node_0" ]
                """);

        assertThat(config.ruleFor("a/b", "kovan").index()).isZero();
        assertThat(config.ruleFor("a/b", "mainnet").index()).isEqualTo(1);
    }
}
