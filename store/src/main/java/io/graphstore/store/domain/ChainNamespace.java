package io.graphstore.store.domain;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import java.util.regex.Pattern;

/**
 * The PostgreSQL schema holding one chain's block data in its shard: {@code chain<N>} where N
 * is the chain's id in {@code public.chains}. Safe to use as an SQL identifier.
 */
public record ChainNamespace(String value) {
    private static final Pattern VALID = Pattern.compile("chain[1-9][0-9]{0,9}");

    public ChainNamespace {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new BadInputException("chain namespace " + Echo.quoted(value)
                    + " is invalid; a chain namespace is 'chain' followed by the chain's id, like chain1");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
