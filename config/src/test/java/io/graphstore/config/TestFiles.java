package io.graphstore.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Sample files from the test resources and a fixed environment to expand them with. */
final class TestFiles {
    static final String PASSWORD = "s3cr3t-Pw";
    static final Map<String, String> ENV = Map.of(
            "PGPASSWORD", PASSWORD,
            "PG_PASS", PASSWORD,
            "PG_USER", "graph",
            "PG_HOST", "pg-main.internal:5433",
            "VIP_MAIN", "vip-main.internal",
            "VIP_REPL1", "vip-repl1.internal",
            "BAD_DB", "gr\naph");

    private TestFiles() {
    }

    static Function<String, Optional<String>> env() {
        return name -> Optional.ofNullable(ENV.get(name));
    }

    static String text(String resource) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Config load(String resource) {
        return ConfigLoader.parse(text(resource), resource, env());
    }

    static Config parse(String toml) {
        return ConfigLoader.parse(toml, "test.toml", env());
    }
}
