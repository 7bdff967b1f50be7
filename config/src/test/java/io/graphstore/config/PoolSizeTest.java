package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.graphstore.common.NodeId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PoolSizeTest {
    private static PoolSize.NodeRule rule(String regex, int size) {
        return new PoolSize.NodeRule(Pattern.compile(regex), size);
    }

    private static int sizeFor(PoolSize pool, String node) {
        return pool.sizeFor(NodeId.of(node));
    }

    @Test
    void aFixedSizeAppliesToEveryNode() {
        PoolSize pool = new PoolSize.Fixed(12);

        assertThat(sizeFor(pool, "index_node_0")).isEqualTo(12);
        assertThat(sizeFor(pool, "query_node_7")).isEqualTo(12);
    }

    @Test
    void aRuleMustMatchTheWholeNodeId() {
        PoolSize pool = new PoolSize.ByNode(List.of(rule("index_node_.*", 5), rule("index_node", 7),
                rule(".*", 2)), "store.vip.pool_size");

        assertThat(sizeFor(pool, "index_node_1")).isEqualTo(5);
        assertThat(sizeFor(pool, "xindex_node_1")).isEqualTo(2);
        assertThat(sizeFor(pool, "index_node")).isEqualTo(7);
    }

    @Test
    void aPrefixPatternDoesNotMatchLongerIds() {
        PoolSize pool = new PoolSize.ByNode(List.of(rule("index_node", 7)), "store.vip.pool_size");

        assertThat(catchThrowableOfType(ConfigException.class, () -> sizeFor(pool, "index_node_1")))
                .isNotNull();
    }

    @Test
    void theFirstMatchingRuleWins() {
        PoolSize pool = new PoolSize.ByNode(List.of(rule("index_node_vip_.*", 30),
                rule("index_node_.*", 10), rule("index_node_vip_0", 99)));

        assertThat(sizeFor(pool, "index_node_vip_0")).isEqualTo(30);
        assertThat(sizeFor(pool, "index_node_other")).isEqualTo(10);
    }

    @Test
    void aNodeNoRuleMatchesIsAnErrorNamingThePathAndTheNode() {
        PoolSize pool = new PoolSize.ByNode(List.of(rule("index_node_.*", 5)), "store.vip.pool_size");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> sizeFor(pool, "query_node_9"));

        assertThat(e.path()).isEqualTo("store.vip.pool_size");
        assertThat(e.getMessage()).isEqualTo("store.vip.pool_size: no rule matches node 'query_node_9'; "
                + "add a rule for it or a catch-all { node = \".*\", size = N }");
    }

    @Test
    void rulesWithTheSameRegexTextAreEqual() {
        assertThat(rule("a_.*", 3)).isEqualTo(rule("a_.*", 3)).hasSameHashCodeAs(rule("a_.*", 3))
                .isNotEqualTo(rule("a_.*", 4)).isNotEqualTo(rule("b_.*", 3));
        assertThat(rule("a_.*", 3)).hasToString("{ node = \"a_.*\", size = 3 }");
    }

    @Test
    void zeroMeansTheNodeIgnoresTheShard() {
        Config config = TestFiles.parse("""
                [store.primary]
                connection = "postgresql://u:pw@h/db"
                pool_size = 10
                [store.archive]
                connection = "postgresql://u:pw@h2/db"
                pool_size = [ { node = "query_node_.*", size = 0 }, { node = ".*", size = 4 } ]
                fdw_pool_size = 0
                """);
        PoolSize archive = config.store(io.graphstore.common.ShardName.of("archive")).orElseThrow().poolSize();

        assertThat(sizeFor(archive, "query_node_1")).isZero();
        assertThat(sizeFor(archive, "index_node_1")).isEqualTo(4);
        assertThat(archive).isInstanceOfSatisfying(PoolSize.ByNode.class,
                p -> assertThat(p.path()).isEqualTo("store.archive.pool_size"));
    }

    @Test
    void aThousandConnectionsIsTheLargestSizeAccepted() {
        Config config = TestFiles.parse("""
                [store.primary]
                connection = "postgresql://u:pw@h/db"
                pool_size = 1000
                fdw_pool_size = [ { node = ".*", size = 1000 } ]
                """);

        assertThat(sizeFor(config.primary().poolSize(), "index_node_0")).isEqualTo(1000);
        assertThat(sizeFor(config.primary().fdwPoolSize(), "index_node_0")).isEqualTo(1000);
    }
}
