package io.graphstore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds the embedded PostgreSQL servers have used so far, from Linux's {@code /proc}: each
 * postmaster's own time, that of its children it has reaped (backends that ended), and that of
 * its children still running (pooled backends). The difference over a contender is the server
 * work it caused, which on a machine with few cores decides its wall time. Empty where
 * {@code /proc} is not there.
 */
final class ServerCpu {
    private static final double TICKS = 100.0; // USER_HZ, 100 on every Linux this bench runs on

    private ServerCpu() {
    }

    /** The CPU seconds of the servers whose data directories are {@code dataDirs}, or -1. */
    static double seconds(List<Path> dataDirs) {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return -1;
        }
        double total = 0;
        for (Path dir : dataDirs) {
            try {
                long pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
                long[] own = stat(pid);
                total += (own[0] + own[1] + own[2] + own[3]) / TICKS;
                try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                    for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                        long[] s = stat(Long.parseLong(p.getFileName().toString()));
                        if (s[4] == pid) {
                            total += (s[0] + s[1]) / TICKS;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }

    /** CPU seconds of the servers and this process (whose threads move a copy's rows), or -1. */
    static double withClient(List<Path> dataDirs) {
        double servers = seconds(dataDirs);
        if (servers < 0) {
            return -1;
        }
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? servers + sun.getProcessCpuTime() / 1e9 : -1;
    }

    /** utime, stime, cutime, cstime and ppid of a process; zeros when it has gone. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name, in parentheses, may hold spaces: fields are counted after it
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                    Long.parseLong(f[14]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return new long[5];
        }
    }
}
