package io.graphstore.graphman;

import io.graphstore.graphman.cli.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs graphman in-process with its own environment and captured output. */
final class GraphmanRunner {
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final Path workDir;

    GraphmanRunner(Path workDir) {
        this.workDir = workDir;
    }

    GraphmanRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Graphman.run(args, o, e, Environment.of(env, workDir));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
