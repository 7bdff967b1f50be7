package io.graphstore.store.admin;

import io.graphstore.store.domain.BlockPtr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * graph-store has no chain client; the chains of demos, tests and benchmarks are synthetic:
 * block N's hash is SHA-256 of "graph-store block N". Commands that need a block hash (a
 * rewind without --block-hash) use it.
 */
public final class SyntheticChain {
    private SyntheticChain() {
    }

    public static BlockPtr block(int number) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("graph-store block " + number).getBytes(StandardCharsets.UTF_8));
            return new BlockPtr(number, hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
