package io.graphstore.store.synthetic;

import io.graphstore.store.admin.SyntheticChain;
import io.graphstore.store.layout.Column;
import io.graphstore.store.layout.ColumnType;
import io.graphstore.store.layout.EntityTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Values for every column type, drawn from a seeded random source. */
final class ValueGenerator {
    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "it's", "a,b", "{x}", "back\\slash",
        "quote\"d", "NULL", "naïve", "zeta"};

    private ValueGenerator() {
    }

    /** The id of entity number {@code n} created at {@code block} in {@code table}. */
    static String id(EntityTable table, int block, int n) {
        return switch (table.id().type()) {
            case BYTES -> "0x" + HexFormat.of().formatHex(
                    java.nio.ByteBuffer.allocate(10).putShort((short) table.name().hashCode()).putInt(block).putInt(n).array());
            case INT8 -> Long.toString((long) block * 100_000L + n);
            default -> table.name() + "-" + block + "-" + n;
        };
    }

    static Object value(Column c, SplittableRandom rng, int block, ReferencePicker refs) {
        if (c.nullable() && rng.nextInt(10) == 0) {
            return null;
        }
        if (c.list()) {
            List<Object> list = new ArrayList<>();
            int n = rng.nextInt(4);
            for (int i = 0; i < n; i++) {
                list.add(scalar(c, rng, block, refs));
            }
            return list;
        }
        return scalar(c, rng, block, refs);
    }

    private static Object scalar(Column c, SplittableRandom rng, int block, ReferencePicker refs) {
        if (c.references().isPresent()) {
            String id = refs.pick(c.references().get(), rng);
            if (id != null) {
                return id;
            }
        }
        ColumnType t = c.type();
        return switch (t) {
            case ID, STRING -> WORDS[rng.nextInt(WORDS.length)] + "-" + rng.nextInt(1000);
            case ENUM -> {
                List<String> values = c.enumType().orElseThrow().values();
                yield values.get(rng.nextInt(values.size()));
            }
            case INT -> rng.nextInt(-1_000_000, 1_000_000);
            case INT8 -> SyntheticChain.timestamp(block) + rng.nextInt(1000);
            // a timestamp field holds the time of the block that writes it, as mappings mostly do
            case TIMESTAMP -> SyntheticChain.timestamp(block);
            case BIG_INT -> BigInteger.valueOf(rng.nextLong()).multiply(BigInteger.valueOf(1_000_000_007L));
            case BIG_DECIMAL -> new BigDecimal(BigInteger.valueOf(rng.nextLong(1_000_000_000_000L)), rng.nextInt(0, 18));
            case BYTES -> {
                byte[] b = new byte[rng.nextInt(1, 33)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) rng.nextInt(256);
                }
                yield b;
            }
            case BOOLEAN -> rng.nextBoolean();
        };
    }

    /**
     * Picks the id of some entity of a type created earlier (it may since have been deleted);
     * null for an interface, whose field then gets a made-up id.
     */
    interface ReferencePicker {
        String pick(String entityType, SplittableRandom rng);
    }
}
