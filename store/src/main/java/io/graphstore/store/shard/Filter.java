package io.graphstore.store.shard;

import io.graphstore.common.BadInputException;
import java.util.Map;

/** A simple condition on one field for listing entities: {@code field op value}. */
public record Filter(String field, String op, Object value) {
    static final Map<String, String> OPERATORS = Map.of(
            "=", "=", "!=", "<>", "<", "<", "<=", "<=", ">", ">", ">=", ">=");

    public Filter {
        if (!OPERATORS.containsKey(op)) {
            throw new BadInputException("filter operator '" + op + "' is not supported; use one of "
                    + String.join(" ", OPERATORS.keySet().stream().sorted().toList()));
        }
    }

    String sqlOperator() {
        return OPERATORS.get(op);
    }
}
