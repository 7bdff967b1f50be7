package io.graphstore.store.chain;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One row of a chain's {@code blocks} table: hash (the key), number, parent hash, timestamp in
 * microseconds since the epoch, and the block as JSON text.
 */
public record Block(byte[] hash, long number, byte[] parentHash, long timestampMicros, String data) {
    public Block {
        hash = hash.clone();
        parentHash = parentHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] parentHash() {
        return parentHash.clone();
    }

    public String hashHex() {
        return "0x" + HexFormat.of().formatHex(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && b.number == number && Arrays.equals(b.hash, hash)
                && Arrays.equals(b.parentHash, parentHash) && b.timestampMicros == timestampMicros && b.data.equals(data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }
}
