package io.graphstore.store.copy;

import io.graphstore.common.NodeId;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.domain.DeploymentId;
import java.nio.file.Path;

/** Runs one copy in its own JVM, so a test can kill it with SIGKILL: {@code CopyProcess CONFIG DST_ID}. */
public final class CopyProcess {
    private CopyProcess() {
    }

    public static void main(String[] args) {
        try (ShardedStore store = ShardedStore.open(ConfigLoader.load(Path.of(args[0])), NodeId.DEFAULT,
                StoreOptions.fromEnvironment())) {
            var dst = store.directory().site(DeploymentId.of(Integer.parseInt(args[1]))).orElseThrow();
            System.out.println(new CopyRunner(store, dst, () -> false, p -> { }).run());
        }
    }
}
