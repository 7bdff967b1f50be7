package io.graphstore.store.layout;

import io.graphstore.store.domain.Namespace;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statement that rolls one bucket of a timeseries up into an aggregation table, in the
 * shape of graph-node's ({@code store/postgres/src/relational/rollup.rs}): the source rows of
 * the bucket, their timestamp cut down to the bucket start with {@code date_bin}, grouped by
 * timestamp and dimensions; {@code id} is the greatest source id of the group. Binds:
 * {@code :start} and {@code :end} (timestamptz, end excluded) and {@code :block}.
 *
 * <p>With cumulative aggregates the bucket's groups are combined with the latest earlier row
 * of the same dimensions (however far back), found by a lateral join: such aggregates carry
 * on, the others ({@code null} in that earlier row) cover the bucket only.
 */
final class RollupSql {
    private final Aggregation agg;
    private final Interval interval;
    private final String source;
    private final String target;

    RollupSql(Aggregation agg, Interval interval, Namespace ns) {
        this.agg = agg;
        this.interval = interval;
        this.source = ns.qualify(agg.sourceTable());
        this.target = agg.table(interval).qualifiedName(ns);
    }

    String insert() {
        if (!agg.cumulative()) {
            return into() + bucket(true);
        }
        String prev = "select bucket.id, bucket.\"timestamp\"" + list(d -> "bucket." + d.quotedName())
                + aggs(a -> a.cumulative() ? "prev." + a.column().quotedName()
                        : "null::" + a.column().type().sqlType() + " as " + a.column().quotedName())
                + " from bucket cross join lateral (select * from " + target + " prev where prev.\"timestamp\" < :start"
                + agg.dimensions().stream().map(d -> " and prev." + d.quotedName() + " = bucket." + d.quotedName())
                        .collect(Collectors.joining())
                + " order by prev.\"timestamp\" desc limit 1) prev";
        String combined = "select id, \"timestamp\"" + list(Column::quotedName)
                + aggs(a -> a.combine("seq") + " as " + a.column().quotedName())
                + " from (select *, 1 as seq from prev union all select *, 2 as seq from bucket) u"
                + " group by id, \"timestamp\"" + list(Column::quotedName);
        return "with bucket as (" + bucket(false) + "), prev as (" + prev + "), combined as (" + combined + ") "
                + into() + "select id, \"timestamp\", :block as block$" + list(Column::quotedName)
                + aggs(a -> a.column().quotedName()) + " from combined";
    }

    private String into() {
        return "insert into " + target + " (id, \"timestamp\", block$" + list(Column::quotedName)
                + aggs(a -> a.column().quotedName()) + ") ";
    }

    private String bucket(boolean withBlock) {
        TreeSet<String> reads = new TreeSet<>();
        agg.aggregates().forEach(a -> reads.addAll(a.sourceColumns()));
        reads.removeAll(List.of("id", "timestamp"));
        return "select max(id) as id, \"timestamp\"" + (withBlock ? ", :block" : "") + list(Column::quotedName)
                + aggs(a -> a.over(a.expression(), "id") + " as " + a.column().quotedName())
                + " from (select id, date_bin('" + interval.seconds() + "s', \"timestamp\", 'epoch'::timestamptz) as \"timestamp\""
                + list(Column::quotedName) + reads.stream().map(c -> ", \"" + c + "\"").collect(Collectors.joining())
                + " from " + source + " where " + source + ".\"timestamp\" >= :start and " + source + ".\"timestamp\" < :end"
                + " order by " + source + ".\"timestamp\") data group by \"timestamp\"" + list(Column::quotedName);
    }

    private String list(Function<Column, String> dimension) {
        return agg.dimensions().stream().map(d -> ", " + dimension.apply(d)).collect(Collectors.joining());
    }

    private String aggs(Function<Aggregate, String> aggregate) {
        return agg.aggregates().stream().map(a -> ", " + aggregate.apply(a)).collect(Collectors.joining());
    }
}
