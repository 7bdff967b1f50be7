package io.graphstore.store.admin;

import io.graphstore.store.chain.Block;
import io.graphstore.store.domain.BlockPtr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * graph-store has no chain client; the chains of demos, tests and benchmarks are synthetic:
 * block N's hash is SHA-256 of "graph-store block N". Commands that need a block hash (a
 * rewind without --block-hash) use it. Block N's timestamp is {@link #GENESIS_MICROS} plus 12 s
 * per block, as on a chain with 12-second blocks. {@link #blocks} gives the rows the chain's
 * {@code blocks} table stores; {@code dev index} writes them ahead of the deployment it fills.
 */
public final class SyntheticChain {
    /** The timestamp of block 0: 2020-09-13T12:26:40Z, in microseconds since the epoch. */
    public static final long GENESIS_MICROS = 1_600_000_000_000_000L;
    /** Microseconds between two blocks. */
    public static final long BLOCK_MICROS = 12_000_000L;

    private SyntheticChain() {
    }

    /** The timestamp of block {@code number}, in microseconds since the epoch. */
    public static long timestamp(int number) {
        return GENESIS_MICROS + number * BLOCK_MICROS;
    }

    /**
     * Blocks {@code from} to {@code to} (inclusive) as a chain stores them: block N's parent is
     * block N-1 (block 0's is 32 zero bytes), its data a small JSON object with those fields.
     */
    public static List<Block> blocks(int from, int to) {
        List<Block> blocks = new ArrayList<>(Math.max(0, to - from + 1));
        byte[] parent = from == 0 ? new byte[32] : block(from - 1).hash();
        for (int n = from; n <= to; n++) {
            BlockPtr ptr = block(n);
            long micros = timestamp(n);
            String data = "{\"hash\": \"" + ptr.hashHex() + "\", \"number\": " + n + ", \"parentHash\": \"0x"
                    + HexFormat.of().formatHex(parent) + "\", \"timestamp\": " + micros / 1_000_000 + "}";
            blocks.add(new Block(ptr.hash(), n, parent, micros, data));
            parent = ptr.hash();
        }
        return blocks;
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
