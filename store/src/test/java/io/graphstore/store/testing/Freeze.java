package io.graphstore.store.testing;

import io.graphstore.store.embedded.EmbeddedServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hung server: SIGSTOP on the postmaster and every backend, so the kernel still accepts
 * connections on its port but nothing ever answers. Closing sends SIGCONT.
 */
public final class Freeze implements AutoCloseable {
    private final List<Long> pids;

    private Freeze(List<Long> pids) {
        this.pids = pids;
    }

    public static Freeze of(EmbeddedServer server) {
        long postmaster = server.runningPid().orElseThrow(() -> new IllegalStateException("server is not running"));
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        signal("STOP", pids);
        return new Freeze(pids);
    }

    @Override
    public void close() {
        signal("CONT", pids);
    }

    private static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("kill -" + signal + " did not return");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a connection waits in the accept queue of the listening socket on {@code port}. */
    public static boolean connectionWaitingOn(int port) {
        try {
            String portHex = String.format("%04X", port);
            for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address is HEXIP:PORT, st 0A is LISTEN, tx_queue:rx_queue where rx is the backlog
                    if (f.length > 4 && f[1].endsWith(":" + portHex) && f[3].equals("0A")
                            && Long.parseLong(f[4].split(":")[1], 16) > 0) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/net/tcp", e);
        }
    }
}
