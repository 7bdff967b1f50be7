package io.graphstore.graphman.config;

import io.graphstore.config.Config;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman config check [--print]}: load and validate the config. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Load and validate the config file.",
            "A mistake is reported as one line naming the TOML path (and line and column for syntax errors); exit code 2."})
public final class ConfigCheck extends GraphmanCommand {
    @Option(names = "--print", description = "print the resolved config as JSON, passwords masked")
    boolean print;

    @Override
    public Integer call() {
        Path path = configPath();
        Config config = loadConfig();
        if (print) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", path.getFileName().toString());
            doc.put("node_id", nodeId().value());
            doc.putAll(config.describe());
            out().println(Json.write(doc));
        } else {
            out().println(summary(config, path));
        }
        return ExitCode.OK;
    }

    public static String summary(Config config, Path path) {
        return "config ok: " + path.getFileName() + ": " + count(config.stores().size(), "shard") + " ("
                + String.join(", ", config.shardNames().stream().map(Object::toString).toList()) + "), "
                + count(config.chains().chains().size(), "chain") + ", "
                + count(config.rules().size(), "deployment rule");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
