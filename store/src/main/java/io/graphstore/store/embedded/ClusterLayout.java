package io.graphstore.store.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code .graphman/cluster.json} remembers between runs: the password of the graph-store
 * role and which shard runs on which port. Data lives in {@code .graphman/data/<shard>}.
 *
 * @param password the password of role {@code graph} in every server (the file is private)
 * @param servers one entry per shard, primary first
 */
record ClusterLayout(String password, List<Server> servers) {
    record Server(String shard, int port) {
    }

    ClusterLayout {
        servers = List.copyOf(servers);
    }

    static Optional<ClusterLayout> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectMapper().readValue(file.toFile(), ClusterLayout.class));
        } catch (IOException e) {
            throw new StoreException("dev cluster state " + file + " is unreadable (" + e.getMessage()
                    + "); remove the .graphman directory to start over");
        }
    }

    void write(Path file) {
        try {
            PrivateFiles.privateDirectory(file.getParent());
            PrivateFiles.write(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        } catch (IOException e) {
            throw new StoreException("cannot write dev cluster state " + file + ": " + e.getMessage(), e);
        }
    }

    ClusterLayout withServers(List<Server> newServers) {
        return new ClusterLayout(password, newServers);
    }

    ClusterLayout growTo(int shardCount, java.util.function.IntSupplier freePort) {
        List<Server> grown = new ArrayList<>(servers);
        for (int i = grown.size(); i < shardCount; i++) {
            grown.add(new Server(shardNameAt(i).value(), freePort.getAsInt()));
        }
        return withServers(grown);
    }

    /** primary, shard_a, shard_b, … */
    static ShardName shardNameAt(int index) {
        if (index == 0) {
            return ShardName.PRIMARY;
        }
        return ShardName.of("shard_" + (char) ('a' + index - 1));
    }
}
