package io.graphstore.store.admin;

import io.graphstore.common.NodeId;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.domain.DeploymentHash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Removes the unused deployment HASH in its own JVM and stops at STEP, printing "at STEP", so
 * a test can kill -9 it right there: {@code UnusedRemoveProcess CONFIG HASH STEP}.
 */
public final class UnusedRemoveProcess {
    private UnusedRemoveProcess() {
    }

    public static void main(String[] args) throws Exception {
        UnusedAdmin.Step stopAt = UnusedAdmin.Step.valueOf(args[2]);
        CountDownLatch never = new CountDownLatch(1);
        try (ShardedStore store = ShardedStore.open(ConfigLoader.load(Path.of(args[0])), NodeId.DEFAULT,
                StoreOptions.fromEnvironment())) {
            var removal = new UnusedAdmin(store, (step, u) -> {
                if (step == stopAt) {
                    System.out.println("at " + step);
                    System.out.flush();
                    try {
                        never.await(); // until killed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).remove(Duration.ZERO, 1, Optional.of(DeploymentHash.of(args[1])));
            System.out.println("ended without stopping: " + removal);
        }
    }
}
