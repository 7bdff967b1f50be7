package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeploymentRuleTest {
    private static DeploymentRule rule(int index, String name, List<String> networks) {
        return new DeploymentRule(index, Optional.ofNullable(name).map(Pattern::compile), networks,
                List.of(ShardName.PRIMARY), List.of(NodeId.of("index_node_" + index)),
                PlacementStrategy.LEAST_USED);
    }

    @Test
    void theNameRegexMustMatchTheWholeName() {
        DeploymentRule vip = rule(0, "(vip|important)/.*", List.of());

        assertThat(vip.matches("vip/uniswap", "mainnet")).isTrue();
        assertThat(vip.matches("important/x", "xdai")).isTrue();
        assertThat(vip.matches("notvip/uniswap", "mainnet")).isFalse();
        assertThat(rule(0, "vip", List.of()).matches("vip/uniswap", "mainnet")).isFalse();
    }

    @Test
    void aNetworkListMatchesAnyOfItsNetworks() {
        DeploymentRule others = rule(2, null, List.of("xdai", "poa-core"));

        assertThat(others.matches("a/b", "xdai")).isTrue();
        assertThat(others.matches("a/b", "poa-core")).isTrue();
        assertThat(others.matches("a/b", "mainnet")).isFalse();
        assertThat(others.isCatchAll()).isFalse();
    }

    @Test
    void nameAndNetworkMustBothMatch() {
        DeploymentRule rule = rule(1, "vip/.*", List.of("mainnet"));

        assertThat(rule.matches("vip/a", "mainnet")).isTrue();
        assertThat(rule.matches("vip/a", "sepolia")).isFalse();
        assertThat(rule.matches("x/a", "mainnet")).isFalse();
    }

    @Test
    void aRuleWithoutMatchTakesEverything() {
        DeploymentRule all = rule(3, null, List.of());

        assertThat(all.isCatchAll()).isTrue();
        assertThat(all.matches("anything/at-all", "any-network")).isTrue();
    }

    @Test
    void aMatchOnNameDotStarAloneIsACatchAllAsInGraphNode() {
        assertThat(rule(3, ".*", List.of()).isCatchAll()).isTrue();
        assertThat(rule(3, ".*", List.of("mainnet")).isCatchAll()).isFalse();
        // graph-node compares the regex text with ".*"; other regexes that match every name do not count
        assertThat(rule(3, ".+|", List.of()).isCatchAll()).isFalse();
        assertThat(rule(3, "(.*)", List.of()).isCatchAll()).isFalse();
    }

    @Test
    void describeNamesTheRuleAndItsCondition() {
        assertThat(rule(1, "(vip|important)/.*", List.of()).describe())
                .isEqualTo("deployment.rule[1] (name ~ \"(vip|important)/.*\")");
        assertThat(rule(2, null, List.of("xdai", "poa-core")).describe())
                .isEqualTo("deployment.rule[2] (network in [xdai, poa-core])");
        assertThat(rule(0, "a/.*", List.of("kovan")).describe())
                .isEqualTo("deployment.rule[0] (name ~ \"a/.*\", network = kovan)");
        assertThat(rule(3, null, List.of()).describe()).isEqualTo("deployment.rule[3] (catch-all)");
    }

    @Test
    void theFirstMatchingRuleWinsInAConfig() {
        Config config = new Config(Map.of(ShardName.PRIMARY, primary()), ChainsConfig.NONE,
                List.of(rule(0, "vip/.*", List.of()), rule(1, ".*", List.of("mainnet")),
                        rule(2, null, List.of())));

        assertThat(config.ruleFor("vip/x", "mainnet").index()).isZero();
        assertThat(config.ruleFor("other/x", "mainnet").index()).isEqualTo(1);
        assertThat(config.ruleFor("other/x", "sepolia").index()).isEqualTo(2);
    }

    @Test
    void withoutRulesTheDefaultRulePutsEverythingOnThePrimaryAndTheDefaultNode() {
        Config config = new Config(Map.of(ShardName.PRIMARY, primary()), ChainsConfig.NONE, List.of());
        DeploymentRule rule = config.ruleFor("a/b", "mainnet");

        assertThat(config.rules()).containsExactly(DeploymentRule.defaultRule());
        assertThat(rule.shards()).containsExactly(ShardName.PRIMARY);
        assertThat(rule.indexers()).containsExactly(NodeId.DEFAULT);
        assertThat(rule.strategy()).isEqualTo(PlacementStrategy.LEAST_USED);
    }

    @Test
    void aConfigMustEndWithACatchAllRule() {
        assertThatThrownBy(() -> new Config(Map.of(ShardName.PRIMARY, primary()), ChainsConfig.NONE,
                List.of(rule(0, "vip/.*", List.of()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("deployment.rule[0]: the last rule has a match");
    }

    @Test
    void aConfigMustHaveAPrimaryStore() {
        assertThatThrownBy(() -> new Config(Map.of(), ChainsConfig.NONE, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("store.primary: is missing");
    }

    @Test
    void strategiesAreReadByTheirTomlNames() {
        assertThat(PlacementStrategy.fromToml("hrw")).contains(PlacementStrategy.HRW);
        assertThat(PlacementStrategy.fromToml("least_used")).contains(PlacementStrategy.LEAST_USED);
        assertThat(PlacementStrategy.fromToml("HRW")).isEmpty();
        assertThat(PlacementStrategy.allowedValues()).isEqualTo("least_used, hrw");
    }

    private static StoreConfig primary() {
        return new StoreConfig(ShardName.PRIMARY, ConnectionInfo.parse("postgresql://u:pw@h/db", "c"),
                new PoolSize.Fixed(10), new PoolSize.Fixed(5), 1, List.of());
    }
}
