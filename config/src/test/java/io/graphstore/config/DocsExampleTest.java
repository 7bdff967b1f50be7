package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the TOML examples in docs/config.md loadable and their stated outcomes true. */
class DocsExampleTest {
    private static final Path DOC = Path.of("..", "docs", "config.md");

    @Test
    void everyCompleteTomlExampleInTheReferenceLoads() throws IOException {
        List<String> examples = tomlBlocksAfter("## A complete example");

        assertThat(examples).hasSize(2);
        examples.forEach(TestFiles::parse);
    }

    @Test
    void theCompleteExampleResolvesAsTheReferenceSays() throws IOException {
        Config config = TestFiles.parse(tomlBlocksAfter("## A complete example").get(0));
        NodeId query = NodeId.of("query_node_3");
        NodeId community = NodeId.of("index_node_community_0");

        assertThat(size(config, "primary", query)).isEqualTo(40);
        assertThat(size(config, "vip", query)).isEqualTo(60);
        assertThat(size(config, "sharda", query)).isEqualTo(25);
        assertThat(size(config, "shardb", query)).isEqualTo(25);
        assertThat(size(config, "primary", community)).isEqualTo(5);
        assertThat(size(config, "vip", community)).isZero();
        assertThat(config.ruleFor("vip/uniswap", "mainnet").shards()).containsExactly(ShardName.of("vip"));
        DeploymentRule poa = config.ruleFor("someone/tokens", "poa-core");
        assertThat(poa.index()).isEqualTo(2);
        assertThat(poa.shards()).containsExactly(ShardName.PRIMARY);
        DeploymentRule rest = config.ruleFor("someone/tokens", "mainnet");
        assertThat(rest.index()).isEqualTo(3);
        assertThat(rest.shards()).containsExactly(ShardName.of("sharda"), ShardName.of("shardb"));
    }

    private static int size(Config config, String shard, NodeId node) {
        return config.store(ShardName.of(shard)).orElseThrow().poolSize().sizeFor(node);
    }

    private static List<String> tomlBlocksAfter(String heading) throws IOException {
        assertThat(Files.isReadable(DOC)).as("docs/config.md is part of the repository").isTrue();
        String doc = Files.readString(DOC);
        String section = doc.substring(doc.indexOf(heading));
        List<String> blocks = new ArrayList<>();
        int start;
        while ((start = section.indexOf("```toml\n")) >= 0) {
            int end = section.indexOf("```", start + 8);
            blocks.add(section.substring(start + 8, end));
            section = section.substring(end + 3);
        }
        return blocks;
    }
}
