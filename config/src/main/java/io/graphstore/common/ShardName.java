package io.graphstore.common;

import java.util.regex.Pattern;

/**
 * The name of a shard as declared by {@code [store.<name>]}: 1 to 30 of {@code [a-z0-9_]}.
 * The shard named {@code primary} holds the directory. The name is safe to use inside SQL
 * identifiers such as {@code shard_<name>_subgraphs}.
 */
public record ShardName(String value) implements Comparable<ShardName> {
    // VALID must be initialised before the constants below, which the constructor checks.
    private static final Pattern VALID = Pattern.compile("[a-z0-9_]{1,30}");
    public static final ShardName PRIMARY = new ShardName("primary");

    public ShardName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new BadInputException("shard name " + Echo.quoted(value)
                    + " is invalid; use 1 to 30 lowercase letters, digits or underscores");
        }
    }

    public static ShardName of(String value) {
        return new ShardName(value);
    }

    public boolean isPrimary() {
        return equals(PRIMARY);
    }

    @Override
    public int compareTo(ShardName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
