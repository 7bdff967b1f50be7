package io.graphstore.store.domain;

import io.graphstore.common.BadInputException;
import java.util.Arrays;
import java.util.HexFormat;

/** A block: number (non-negative) and hash (any bytes; 32 for real chains). */
public record BlockPtr(int number, byte[] hash) {
    public BlockPtr {
        if (number < 0) {
            throw new BadInputException("block number " + number + " is invalid; block numbers are 0 or more");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return "0x" + HexFormat.of().formatHex(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockPtr b && b.number == number && Arrays.equals(b.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * number + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "#" + number + " (" + hashHex() + ")";
    }
}
