package io.graphstore.store.placement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Rendezvous (highest random weight) scores: the first 8 bytes of SHA-256(key NUL candidate). */
public final class Rendezvous {
    private Rendezvous() {
    }

    /** A score compared as an unsigned number; higher wins. */
    public static long score(String key, String candidate) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(candidate.getBytes(StandardCharsets.UTF_8));
            byte[] d = sha.digest();
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
