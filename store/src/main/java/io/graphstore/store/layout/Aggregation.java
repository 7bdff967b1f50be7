package io.graphstore.store.layout;

import io.graphstore.store.domain.Namespace;
import java.util.List;
import java.util.Objects;

/**
 * A type with {@code @aggregation(intervals: [...], source: "...")}: the rows of the
 * timeseries {@code source} rolled up per bucket of each interval into one immutable table
 * per interval ({@code Stats} → {@code stats_hour}, {@code stats_day}).
 *
 * @param name        the GraphQL type ({@code Stats})
 * @param source      the timeseries type it aggregates ({@code Data})
 * @param sourceTable the source's table ({@code data})
 * @param intervals   sorted and without repeats: {@code hour} before {@code day}
 * @param tables      one per interval, in the order of {@code intervals}
 * @param dimensions  the fields besides {@code id}, {@code timestamp} and the aggregates: rows are
 *                    grouped by them; each has a source field of the same name and type
 * @param aggregates  the {@code @aggregate} fields in declaration order
 */
public record Aggregation(String name, String source, String sourceTable, List<Interval> intervals,
        List<EntityTable> tables, List<Column> dimensions, List<Aggregate> aggregates) {
    public Aggregation {
        Objects.requireNonNull(name, "name");
        intervals = List.copyOf(intervals);
        tables = List.copyOf(tables);
        dimensions = List.copyOf(dimensions);
        aggregates = List.copyOf(aggregates);
        if (tables.size() != intervals.size()) {
            throw new IllegalArgumentException(name + ": one table per interval");
        }
    }

    /** The table of {@code interval}. */
    public EntityTable table(Interval interval) {
        int i = intervals.indexOf(interval);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no interval " + interval.label());
        }
        return tables.get(i);
    }

    /** Whether any aggregate is {@code cumulative: true}. */
    public boolean cumulative() {
        return aggregates.stream().anyMatch(Aggregate::cumulative);
    }

    /**
     * The statement rolling the source rows with {@code :start <= timestamp < :end} (two
     * timestamptz) up into {@code interval}'s table, stamped with block {@code :block}; see
     * {@link RollupSql}.
     */
    public String rollupStatement(Interval interval, Namespace ns) {
        return new RollupSql(this, interval, ns).insert();
    }
}
