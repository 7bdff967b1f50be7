package io.graphstore.graphman;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * graphman in its own JVM (same class path as the tests), so a test can signal it. Output goes
 * to files in {@code dir}. Copy batches are small, so a signal lands in the middle of a copy.
 */
record ChildGraphman(Process process, Path out, Path err) {
    static ChildGraphman start(Path dir, String name, Path config, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Graphman.class.getName(), "--config", config.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("GRAPH_STORE_COPY_MAX_BATCH", "50");
        pb.environment().put("GRAPH_STORE_COPY_BATCH_TARGET_MS", "20");
        return new ChildGraphman(pb.start(), out, err);
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String all() throws IOException {
        return stdout() + Files.readString(err, StandardCharsets.UTF_8);
    }
}
