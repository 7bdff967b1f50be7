package io.graphstore.store.layout;

import java.util.List;
import java.util.Objects;

/**
 * One {@code @aggregate} field of an aggregation.
 *
 * @param column        the field's column in each of the aggregation's tables
 * @param fn            the function
 * @param arg           the {@code arg} as written in the schema ({@code "price * amount"}); empty for {@code count}
 * @param expression    the SQL over the source table's columns ({@code "price" * "amount"}); empty for {@code count}
 * @param sourceColumns the source columns {@code expression} reads, sorted
 * @param cumulative    whether each bucket carries on from the previous one of its dimensions
 */
public record Aggregate(Column column, AggregateFn fn, String arg, String expression, List<String> sourceColumns,
        boolean cumulative) {
    public Aggregate {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(fn, "fn");
        sourceColumns = List.copyOf(sourceColumns);
    }

    /** {@code sum(x)}: how {@code fn} aggregates {@code sql}; {@code order} decides first and last. */
    String over(String sql, String order) {
        return switch (fn) {
            case SUM, MAX, MIN -> fn.label() + "(" + sql + ")";
            case COUNT -> "count(*)";
            // graph-node calls its own aggregates arg_min_<type>/arg_max_<type>, installed in every
            // database; the same result (the value of the least or greatest key, nulls skipped) comes
            // from PostgreSQL's array_agg, so shards need no functions of ours
            case FIRST, LAST -> "(array_agg(" + sql + " order by " + order + (fn == AggregateFn.LAST ? " desc" : "")
                    + ") filter (where " + sql + " is not null))[1]";
        };
    }

    /** How pre-aggregated values of this column combine: like {@link #over}, but counts add up. */
    String combine(String order) {
        return fn == AggregateFn.COUNT ? "sum(" + column.quotedName() + ")" : over(column.quotedName(), order);
    }
}
