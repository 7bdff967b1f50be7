package io.graphstore.config;

import io.graphstore.common.Echo;
import io.graphstore.common.ShardName;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

/**
 * Reads a graph-node compatible TOML file into a validated {@link Config}. The first problem
 * found stops loading and is thrown as a one-line {@link ConfigException}. Sections and keys
 * that graph-node understands but graph-store does not use are ignored.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Reads {@code file}, expanding {@code ${VAR}} in connections from the process environment. */
    public static Config load(Path file) {
        return load(file, name -> Optional.ofNullable(System.getenv(name)));
    }

    /**
     * Reads and parses {@code file}, expanding {@code ${VAR}} from {@code env}. The file must be
     * UTF-8; a leading byte order mark is ignored.
     */
    public static Config load(Path file, Function<String, Optional<String>> env) {
        return parse(ConfigText.read(file), file.toString(), env);
    }

    /**
     * Parses {@code toml}; {@code sourceName} names the text in syntax errors and {@code env}
     * resolves {@code ${VAR}} references in connection strings.
     */
    public static Config parse(String toml, String sourceName,
                               Function<String, Optional<String>> env) {
        try {
            TomlParseResult result = tomlOf(ConfigText.withoutBom(toml), sourceName);
            Map<ShardName, StoreConfig> stores = StoreParser.read(result, env);
            List<ShardName> shards = shardNames(stores);
            ChainsConfig chains = ChainsParser.read(result, shards);
            List<DeploymentRule> rules = RuleParser.read(result, shards, chains.chains().keySet());
            return new Config(stores, chains, rules);
        } catch (StackOverflowError e) {
            // NestingCheck keeps tomlj well inside a normal stack; this is for a very small one
            throw new ConfigException("", "config '" + Echo.escaped(sourceName) + "'"
                    + " is nested too deeply to be read on this thread's stack",
                    "flatten the arrays and inline tables", e);
        }
    }

    private static TomlParseResult tomlOf(String toml, String sourceName) {
        Optional<NestingCheck.Unclosed> unclosed = NestingCheck.check(toml, sourceName);
        TomlParseResult result;
        try {
            result = Toml.parse(toml, TomlVersion.V1_1_0);
        } catch (RuntimeException e) {
            throw new ConfigException("", "config '" + Echo.escaped(sourceName) + "'"
                    + " cannot be parsed: the TOML parser failed with " + e.getClass().getSimpleName(),
                    "check the TOML syntax near recent changes", e);
        }
        if (result.hasErrors()) {
            throw SyntaxErrors.of(result.errors().get(0), toml, sourceName, unclosed);
        }
        return result;
    }

    private static List<ShardName> shardNames(Map<ShardName, StoreConfig> stores) {
        return Stream.concat(Stream.of(ShardName.PRIMARY),
                stores.keySet().stream().filter(n -> !n.isPrimary())).toList();
    }
}
