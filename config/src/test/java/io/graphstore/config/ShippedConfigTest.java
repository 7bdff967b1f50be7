package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Config files shipped in the repository load as they are. */
class ShippedConfigTest {

    @Test
    void theDockerComposeConfigLoads() {
        Config config = ConfigLoader.load(Path.of("..", "docker", "graph-node.toml"),
                name -> name.equals("PG_PASSWORD") ? Optional.of("pw") : Optional.empty());
        assertThat(config.shardNames()).containsExactly(ShardName.PRIMARY, ShardName.of("shard_a"),
                ShardName.of("shard_b"));
        assertThat(config.store(ShardName.of("shard_b")).orElseThrow().connection().host()).isEqualTo("shard_b");
        assertThat(config.ruleFor("vip/token", "mainnet").shards()).containsExactly(ShardName.of("shard_a"));
    }
}
