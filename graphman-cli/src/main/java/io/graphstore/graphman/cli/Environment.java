package io.graphstore.graphman.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Environment variables and working directory, replaceable in tests. */
public interface Environment {
    Optional<String> get(String name);

    Path workingDirectory();

    static Environment system() {
        return of(System.getenv(), Path.of("").toAbsolutePath());
    }

    static Environment of(Map<String, String> vars, Path workingDirectory) {
        Map<String, String> copy = Map.copyOf(vars);
        return new Environment() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(copy.get(name)).filter(v -> !v.isEmpty());
            }

            @Override
            public Path workingDirectory() {
                return workingDirectory;
            }
        };
    }
}
