package io.graphstore.graphman.database;

import io.graphstore.common.StoreException;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.mirror.MirrorRefresher;
import io.graphstore.store.mirror.ShardMirror;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman database mirror}: refresh the shards' mirrors of the directory now, or show their age. */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = {"Refresh every shard's mirror of the directory now, or show its age.",
            "Copies the directory from one snapshot of the primary into the mirror schema",
            "of every other shard and shows per shard the rows copied, the time taken and",
            "the mirror's age afterwards. Nodes do this on a schedule and after directory",
            "changes; the mirrors answer directory reads while the primary is down. When",
            "the primary is down nothing can be refreshed: the current ages are shown and",
            "the exit code is 1. --status only shows the ages."})
public final class DatabaseMirror extends GraphmanCommand {
    @Option(names = "--status", description = "only show each mirror's age; refresh nothing")
    boolean statusOnly;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        List<ShardMirror> mirrors;
        boolean refreshed = false;
        Optional<String> refreshError = Optional.empty();
        try (ShardedStore store = openStore(loadConfig())) {
            MirrorRefresher refresher = store.mirror();
            if (statusOnly) {
                mirrors = refresher.status();
            } else {
                try {
                    mirrors = refresher.refresh();
                    refreshed = true;
                } catch (StoreException e) {
                    refreshError = Optional.of(e.getMessage());
                    mirrors = refresher.status();
                }
            }
        }
        boolean ok = refreshError.isEmpty() && mirrors.stream().allMatch(ShardMirror::ok);
        if (json) {
            out().println(Json.write(MirrorTable.asMap(mirrors, refreshed, refreshError, ok)));
        } else if (mirrors.isEmpty()) {
            out().println("no shards besides the primary; there is no mirror to " + (statusOnly ? "show" : "refresh"));
        } else {
            MirrorTable.print(mirrors, refreshed, out());
        }
        refreshError.ifPresent(e -> err().println("error: cannot refresh the mirrors (the ages shown are from "
                + "earlier refreshes): " + oneLine(e)));
        return ok ? ExitCode.OK : ExitCode.FAILURE;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
