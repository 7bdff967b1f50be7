package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphstore.common.ShardName;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * graphman bound to a config over a test class's shards: {@link #RULES} appended, the token
 * schema written to {@code token.graphql} beside it, and {@code --config} passed on every run.
 */
final class ShardCli {
    static final String RULES = """
            [chains]
            [chains.mainnet]
            shard = "primary"

            [deployment]
            [[deployment.rule]]
            match = { name = "vip/.*" }
            shard = "shard_a"
            indexers = ["default"]
            [[deployment.rule]]
            shards = ["shard_a", "shard_b"]
            indexers = ["default", "index_node_1"]
            """;

    final TestShards shards;
    final Path dir;
    final Path config;
    final Path schema;
    private final GraphmanRunner runner;

    ShardCli(TestShards shards, Path dir) {
        this(shards, dir, RULES);
    }

    /** With {@code rules} (chains, deployment rules) instead of {@link #RULES}. */
    ShardCli(TestShards shards, Path dir, String rules) {
        this.shards = shards;
        this.dir = dir;
        this.config = shards.writeConfig(dir, rules);
        this.schema = dir.resolve("token.graphql");
        try {
            Files.writeString(schema, Samples.tokenSchema());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.runner = new GraphmanRunner(dir);
    }

    /** Sets an environment variable for every later run. */
    ShardCli env(String name, String value) {
        runner.env(name, value);
        return this;
    }

    static String hash(int n) {
        return Samples.hash(n).value();
    }

    GraphmanRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return runner.run(all.toArray(String[]::new));
    }

    /** Runs a command that must succeed and parses its stdout as JSON. */
    JsonNode json(String... args) {
        GraphmanRunner.Result r = run(args);
        assertThat(r.exit()).as(r.all()).isZero();
        try {
            return new ObjectMapper().readTree(r.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys NAME as {@code hash(n)} from the token schema; must succeed. */
    JsonNode deploy(String name, int n, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", name, hash(n), "--schema", schema.toString(), "--json"));
        args.addAll(List.of(extra));
        return json(args.toArray(String[]::new));
    }

    /** Rows in the directory's tables in the primary: sites, names, versions, assignments. */
    long directoryRows() {
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select (select count(*) from public.deployment_schemas)
                             + (select count(*) from subgraphs.subgraph)
                             + (select count(*) from subgraphs.subgraph_version)
                             + (select count(*) from subgraphs.subgraph_deployment_assignment)""")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
