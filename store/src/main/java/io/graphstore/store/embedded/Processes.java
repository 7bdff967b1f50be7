package io.graphstore.store.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Process liveness that does not count zombies: a stopped postmaster whose parent has not
 * reaped it yet (common under a minimal init) still has a pid but is not running.
 */
public final class Processes {
    private Processes() {
    }

    public static boolean isRunning(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String s = Files.readString(stat, StandardCharsets.UTF_8);
            int close = s.lastIndexOf(')');
            return close < 0 || close + 2 >= s.length() || s.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return Files.exists(stat.getParent());
        }
    }
}
