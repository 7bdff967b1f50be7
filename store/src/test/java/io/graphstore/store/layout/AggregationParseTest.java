package io.graphstore.store.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.store.domain.Namespace;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Timeseries and aggregations parse into graph-node's tables, or are rejected with graph-node's messages. */
class AggregationParseTest {
    private static final Namespace NS = Namespace.parse("sgd7");
    static final String DATA = """
            type Token @entity { id: Bytes! }
            type Data @entity(timeseries: true) {
              id: Int8!
              timestamp: Timestamp!
              token: Token!
              price: BigDecimal!
              amount: Int!
            }
            """;

    /** {@link #DATA} and an aggregation {@code Stats} over it whose body is {@code body}. */
    private static String stats(String directive, String body) {
        return DATA + "type Stats " + directive + " {\n  id: Int8!\n  timestamp: Timestamp!\n" + body + "\n}\n";
    }

    private static String stats(String body) {
        return stats("@aggregation(intervals: [\"day\", \"hour\"], source: \"Data\")", body);
    }

    @Test
    void anAggregationGetsOneImmutableTablePerIntervalAfterTheEntityTables() {
        Layout layout = Layout.parse(stats("""
                  token: Token!
                  sum: BigDecimal! @aggregate(fn: "sum", arg: "price * amount")
                  max: BigDecimal! @aggregate(fn: "max", arg: "price")
                  count: Int8! @aggregate(fn: "count")
                  first: BigDecimal! @aggregate(fn: first, arg: "price")
                """), "s.graphql");
        assertThat(layout.tables()).extracting(EntityTable::entityType)
                .containsExactly("Token", "Data", "Stats_hour", "Stats_day");
        assertThat(layout.tables()).extracting(EntityTable::position).containsExactly(0, 1, 2, 3);
        assertThat(layout.isTimeseries("Data")).isTrue();
        assertThat(layout.require("Data").immutable()).isTrue();
        Aggregation stats = layout.aggregations().get(0);
        assertThat(stats.name()).isEqualTo("Stats");
        assertThat(stats.source()).isEqualTo("Data");
        assertThat(stats.intervals()).containsExactly(Interval.HOUR, Interval.DAY);
        assertThat(stats.dimensions()).extracting(Column::name).containsExactly("token");
        assertThat(stats.aggregates()).extracting(a -> a.fn().label() + " " + a.expression())
                .containsExactly("sum \"price\" * \"amount\"", "max \"price\"", "count ", "first \"price\"");
        assertThat(stats.aggregates().get(0).sourceColumns()).containsExactly("amount", "price");
        EntityTable hour = stats.table(Interval.HOUR);
        assertThat(hour.name()).isEqualTo("stats_hour");
        assertThat(hour.immutable()).isTrue();
        assertThat(hour.allColumns()).extracting(Column::name)
                .containsExactly("id", "timestamp", "token", "sum", "max", "count", "first");
        assertThat(layout.aggregationOf("Stats_day")).contains(stats);
        assertThat(layout.aggregationOf("Data")).isEmpty();
    }

    @Test
    void ddlOfAnAggregationTableHasBlockUniqueIdAndAttributeIndexes() {
        Layout layout = Layout.parse(stats("""
                  token: Token!
                  sum: BigDecimal! @aggregate(fn: "sum", arg: "price")
                """), "s.graphql");
        assertThat(layout.createStatements(NS)).containsSubsequence(
                "create table sgd7.stats_hour (\n    vid bigserial primary key,\n    block$ int not null,\n"
                        + "    id int8 not null,\n    \"timestamp\" timestamptz not null,\n    \"token\" bytea not null,\n"
                        + "    \"sum\" numeric not null\n)",
                "create unique index if not exists stats_hour_id_key on sgd7.stats_hour (id)",
                "create index if not exists stats_hour_block on sgd7.stats_hour (block$)",
                "create index if not exists attr_2_0_stats_hour_timestamp on sgd7.stats_hour using btree (\"timestamp\")",
                "create index if not exists attr_2_1_stats_hour_token on sgd7.stats_hour using btree (\"token\", block$)",
                "create index if not exists attr_2_2_stats_hour_sum on sgd7.stats_hour using btree (\"sum\")",
                "create index if not exists attr_3_2_stats_day_sum on sgd7.stats_day using btree (\"sum\")");
        assertThat(layout.createStatements(NS)).noneMatch(s -> s.contains("_dims"));
    }

    @Test
    void aCumulativeAggregationWithDimensionsGetsADimsIndex() {
        Layout layout = Layout.parse(stats("""
                  token: Token!
                  total: BigDecimal! @aggregate(fn: "sum", arg: "price", cumulative: true)
                """), "s.graphql");
        assertThat(layout.createStatements(NS)).contains(
                "create index if not exists stats_hour_dims on sgd7.stats_hour using btree (\"token\", \"timestamp\")",
                "create index if not exists stats_day_dims on sgd7.stats_day using btree (\"token\", \"timestamp\")");
        assertThat(layout.require("Stats_day").indexNames()).contains("stats_day_dims");
    }

    @Test
    void theRollupStatementHasGraphNodesShape() {
        Layout layout = Layout.parse(stats("@aggregation(intervals: [\"hour\"], source: \"Data\")", """
                  token: Token!
                  sum: BigDecimal! @aggregate(fn: "sum", arg: "price")
                  last: Int! @aggregate(fn: "last", arg: "amount")
                """), "s.graphql");
        assertThat(layout.aggregations().get(0).rollupStatement(Interval.HOUR, NS)).isEqualTo(
                "insert into sgd7.stats_hour (id, \"timestamp\", block$, \"token\", \"sum\", \"last\") "
                        + "select max(id) as id, \"timestamp\", :block, \"token\", sum(\"price\") as \"sum\","
                        + " (array_agg(\"amount\" order by id desc) filter (where \"amount\" is not null))[1] as \"last\""
                        + " from (select id, date_bin('3600s', \"timestamp\", 'epoch'::timestamptz) as \"timestamp\","
                        + " \"token\", \"amount\", \"price\" from sgd7.data where sgd7.data.\"timestamp\" >= :start"
                        + " and sgd7.data.\"timestamp\" < :end order by sgd7.data.\"timestamp\") data"
                        + " group by \"timestamp\", \"token\"");
    }

    @Test
    void argExpressionsTakeFieldsNumbersOperatorsAndWhitelistedFunctions() {
        Layout layout = Layout.parse(stats("""
                  a: BigDecimal! @aggregate(fn: "max", arg: "greatest(price, amount)")
                  b: BigDecimal! @aggregate(fn: "sum", arg: "ABS(price) + abs(-amount) * 2.5")
                  c: BigDecimal! @aggregate(fn: "sum", arg: "(price - 1) / power(amount, 2) % 7")
                """), "s.graphql");
        assertThat(layout.aggregations().get(0).aggregates()).extracting(Aggregate::expression).containsExactly(
                "greatest(\"price\", \"amount\")",
                "abs(\"price\") + abs(-\"amount\") * 2.5",
                "(\"price\" - 1) / power(\"amount\", 2) % 7");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                bad("a mutable timeseries", "type Data @entity(timeseries: true, immutable: false) { id: Int8! timestamp: Timestamp! }",
                        "s.graphql:1:1: Timeseries Data is marked as mutable, it must be immutable"),
                bad("a timeseries id that is not Int8", "type Data @entity(timeseries: true) {\n  id: ID!\n  timestamp: Timestamp!\n}",
                        "s.graphql:2:3: Timeseries `Data` must have an `id` field of type `Int8`"),
                bad("a timeseries without timestamp", "type Data @entity(timeseries: true) { id: Int8! }",
                        "s.graphql:1:1: Timeseries Data is missing a `timestamp` field"),
                bad("a timeseries timestamp of another type", "type Data @entity(timeseries: true) {\n  id: Int8!\n  timestamp: Int8!\n}",
                        "s.graphql:3:3: Type Data has a `timestamp` field of type Int8, but it must be of type Timestamp"),
                bad("an aggregation without timestamp", DATA + "type Stats @aggregation(intervals: [\"hour\"], source: \"Data\") {\n"
                        + "  id: Int8!\n  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")\n}",
                        "s.graphql:9:1: Timeseries Stats is missing a `timestamp` field"),
                bad("an aggregation without @aggregate fields", stats("  token: Token!"),
                        "s.graphql:9:1: Aggregation Stats has no @aggregate fields"),
                bad("an unknown fn", stats("  s: BigDecimal! @aggregate(fn: \"avg\", arg: \"price\")"),
                        "s.graphql:12:29: Field s in aggregation Stats uses the unknown aggregation function `avg`"),
                bad("a missing fn", stats("  s: BigDecimal! @aggregate(arg: \"price\")"),
                        "s.graphql:12:18: Field s in aggregation Stats is missing the `fn` argument"),
                bad("a missing arg", stats("  s: BigDecimal! @aggregate(fn: \"sum\")"),
                        "s.graphql:12:18: Field s in aggregation Stats is missing the `arg` argument since the function sum requires it"),
                bad("an arg that is not a string", stats("  s: BigDecimal! @aggregate(fn: \"sum\", arg: 3)"),
                        "s.graphql:12:40: Field s in aggregation Stats has an invalid argument for `arg`: it must be a string"),
                bad("an unknown source", stats("@aggregation(intervals: [\"hour\"], source: \"Nope\")",
                                "  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:9:46: Aggregaton Stats uses Nope as the source, but there is no timeseries of that name"),
                bad("a source that is not a timeseries", stats("@aggregation(intervals: [\"hour\"], source: \"Token\")",
                                "  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:9:46: Aggregation Stats uses Token as the source, but that type is not a timeseries"),
                bad("a missing source", stats("@aggregation(intervals: [\"hour\"])", "  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:9:12: Aggregation Stats is missing the `source` argument"),
                bad("an unknown arg field", stats("  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"cost\")"),
                        "s.graphql:12:3: Field s in aggregation Stats has `arg` cost but the source type does not have such a field"),
                bad("a non-numeric arg", stats("  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"token\")"),
                        "s.graphql:12:3: Field s in aggregation Stats has arg `token` but that is not a numeric field in Data"),
                bad("an arg wider than the field", stats("  s: Int! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:12:3: Field s in aggregation Stats has `arg` price of type BigDecimal but it is of the wider type Int in the source"),
                bad("a non-numeric aggregate", stats("  s: Boolean! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:12:3: Aggregation Stats, fields: aggregates must use a numeric type, one of Int, Int8, BigInt, and BigDecimal"),
                bad("first of a Boolean", stats("  s: Boolean! @aggregate(fn: \"first\", arg: \"price\")"),
                        "s.graphql:12:3: Aggregation 'Stats', field 's': first/last aggregates must use a numeric, byte array, string or a reference type"),
                bad("a derived field", stats("  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")\n  t: [Token!]! @derivedFrom(field: \"id\")"),
                        "s.graphql:13:3: Aggregation Stats has a derived field t but fields in aggregations can not be derived"),
                bad("missing intervals", stats("@aggregation(source: \"Data\")", "  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:9:12: Aggregation Stats is missing an `intervals` argument for the timeseries directive"),
                bad("empty intervals", stats("@aggregation(intervals: [], source: \"Data\")", "  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:9:25: Aggregation Stats has an invalid argument for `intervals`: it must be a non-empty list of strings"),
                bad("an unsupported interval", stats("@aggregation(intervals: [\"hour\", \"week\"], source: \"Data\")",
                                "  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:9:45: Aggregation Stats: the interval week is not supported"),
                bad("a dimension of another type", stats("  token: Bytes!\n  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:12:3: Field token in aggregation Stats has type Bytes but its type in the source is Token"),
                bad("a dimension the source lacks", stats("  pair: Bytes!\n  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\")"),
                        "s.graphql:12:3: Aggregation Stats uses Data as the source, but that does not have a field pair"),
                bad("a non-boolean cumulative", stats("  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price\", cumulative: \"yes\")"),
                        "s.graphql:12:54: Field s in aggregation Stats has an invalid value for `cumulative`. It needs to be a boolean"),
                bad("a function that is not whitelisted", stats("  s: BigDecimal! @aggregate(fn: \"max\", arg: \"random()\")"),
                        "s.graphql:12:40: Function random is not supported"),
                bad("an unsupported construct", stats("  s: BigDecimal! @aggregate(fn: \"max\", arg: \"case when price > 1 then 1 else 0 end\")"),
                        "s.graphql:12:40: Expressions using CASE are not supported by graph-store; an arg may use fields, numbers,"
                                + " + - * / %, parentheses and the functions " + String.join(", ", ArgExpression.FUNCTIONS)),
                bad("an expression that does not parse", stats("  s: BigDecimal! @aggregate(fn: \"sum\", arg: \"price +\")"),
                        "s.graphql:12:40: Failed to parse expression: price +: unexpected end"));
    }

    private static Arguments bad(String what, String schema, String message) {
        return Arguments.of(what, schema, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void graphNodesTimeseriesAndAggregationErrorsAreOneLineBadInput(String what, String schema, String message) {
        assertThatThrownBy(() -> Layout.parse(schema, "s.graphql"))
                .isInstanceOf(BadInputException.class).hasMessage(message);
    }
}
