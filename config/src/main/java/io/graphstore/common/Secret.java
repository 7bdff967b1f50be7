package io.graphstore.common;

import java.util.Objects;

/**
 * A value that must never reach output, logs or exception messages, such as a database
 * password. {@link #toString()} is always {@code ***}; only {@link #reveal()} gives the value,
 * and only code that hands it to a driver should call it.
 */
public final class Secret {
    public static final String MASK = "***";

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret value");
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
