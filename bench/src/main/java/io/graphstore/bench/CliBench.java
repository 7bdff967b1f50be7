package io.graphstore.bench;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.domain.SubgraphName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wall time of graphman commands run as a new process each, as an operator or a script runs
 * them, against {@code graphman --version} (the JVM start alone) in the same run. The store is
 * set up once before measuring, so every command finds its setup done.
 */
final class CliBench {
    /** What is measured, each as graphman's arguments after {@code --config FILE}. */
    private static final Map<String, List<String>> COMMANDS = new java.util.LinkedHashMap<>();

    static {
        COMMANDS.put("info", List.of("info"));
        COMMANDS.put("info_name", List.of("info", "bench/cli"));
        COMMANDS.put("copy_list", List.of("copy", "list"));
        COMMANDS.put("config_place", List.of("config", "place", "bench/other", "mainnet"));
    }

    static List<Result> run(List<Integer> shardCounts, int runs) throws Exception {
        List<String> graphman = launcher();
        List<Result> results = new ArrayList<>();
        for (int n : shardCounts) {
            List<String> names = BenchCluster.shardNames(n);
            try (BenchCluster cluster = new BenchCluster(names, 2)) {
                String last = names.get(names.size() - 1);
                String toml = cluster.toml() + "[deployment]\n[[deployment.rule]]\nshard = \"" + last
                        + "\"\nindexers = [\"default\"]\n";
                Path config = Files.createTempFile(Path.of("target", "bench-pg"), "cli-", ".toml");
                Files.writeString(config, toml);
                try {
                    ShardedStore store = cluster.open(toml);
                    new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of("bench/cli"),
                            SiteResolutionBench.hash(1), schema(), "token.graphql", Optional.empty(),
                            Optional.of(NodeId.DEFAULT)));
                    run(graphman, config, List.of("info")); // the first command after a deploy may set up
                    double version = median(graphman, config, List.of("--version"), runs);
                    for (var e : COMMANDS.entrySet()) {
                        double t = median(graphman, config, e.getValue(), runs);
                        results.add(new Result("cli_" + e.getKey() + "_" + n, "runs/s", 1 / t,
                                "graphman --version (JVM start)", 1 / version,
                                Map.of("shards", n, "command", String.join(" ", e.getValue()),
                                        "ms", Math.round(t * 1000), "baseline_ms", Math.round(version * 1000),
                                        "runs", runs)));
                    }
                } finally {
                    Files.deleteIfExists(config);
                }
            }
        }
        return results;
    }

    /** {@code -Dbench.graphman=PATH}: the ./graphman launcher (as ./bench/run passes it) or a jar. */
    private static List<String> launcher() {
        String path = System.getProperty("bench.graphman", "graphman-cli/target/graphman.jar");
        return path.endsWith(".jar") ? List.of("java", "-jar", path) : List.of(path);
    }

    /** The median wall time in seconds of {@code runs} runs. */
    private static double median(List<String> graphman, Path config, List<String> args, int runs) throws Exception {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run(graphman, config, args);
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    private static void run(List<String> graphman, Path config, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(graphman);
        cmd.add("--config");
        cmd.add(config.toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("'graphman " + String.join(" ", args) + "' failed: " + output.strip());
        }
    }

    private static String schema() {
        try (InputStream in = CliBench.class.getResourceAsStream("/samples/token.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
