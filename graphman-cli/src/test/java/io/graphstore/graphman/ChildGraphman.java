package io.graphstore.graphman;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * graphman in its own JVM (same class path as the tests), so a test can signal it. Output goes
 * to files in {@code dir}. Copy batches are small, so a signal lands in the middle of a copy.
 */
record ChildGraphman(Process process, Path out, Path err) {
    static ChildGraphman start(Path dir, String name, Path config, String... args) throws IOException {
        return start(false, dir, name, config, args);
    }

    /** Like {@link #start} with graphman's own logging setup (LogSetup, stderr), as a user runs it. */
    static ChildGraphman startAsShipped(Path dir, String name, Path config, String... args) throws IOException {
        return start(true, dir, name, config, args);
    }

    private static ChildGraphman start(boolean shippedLogging, Path dir, String name, Path config, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String classPath = System.getProperty("java.class.path");
        if (shippedLogging) {
            // without the test classes, whose logback-test.xml would replace graphman's own setup
            classPath = Stream.of(classPath.split(File.pathSeparator))
                    .filter(e -> !e.endsWith("test-classes") && !e.endsWith("-tests.jar"))
                    .collect(Collectors.joining(File.pathSeparator));
        }
        command.addAll(List.of("-cp", classPath, Graphman.class.getName(),
                "--config", config.toString()));
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
