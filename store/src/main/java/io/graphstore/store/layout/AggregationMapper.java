package io.graphstore.store.layout;

import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.Node;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The {@code @aggregation} types of a schema to {@link Aggregation}s with one table per
 * interval, checked as graph-node checks them ({@code graph/src/schema/input/mod.rs},
 * {@code validate_aggregations}) and rejected with its messages, the first problem only.
 */
final class AggregationMapper {
    private static final List<String> NUMERIC = List.of("Int", "Int8", "BigInt", "BigDecimal");

    private final String source;
    private final Map<String, ObjectTypeDefinition> entities;
    private final Map<String, EntityTable> tables;
    private final Function<ObjectTypeDefinition, List<Column>> columns;
    private final BiFunction<String, Node<?>, String> tableName;
    private final List<ObjectTypeDefinition> aggregationTypes;

    /**
     * @param entities  the {@code @entity} types by name
     * @param tables    their tables by type name
     * @param columns   the stored columns of a type besides {@code id}, in field order (names checked)
     * @param tableName the checked table name of a GraphQL name declared at a node
     */
    AggregationMapper(String source, TypeDefinitionRegistry registry, Map<String, ObjectTypeDefinition> entities,
            Map<String, EntityTable> tables, Function<ObjectTypeDefinition, List<Column>> columns,
            BiFunction<String, Node<?>, String> tableName) {
        this.source = source;
        this.entities = entities;
        this.tables = tables;
        this.columns = columns;
        this.tableName = tableName;
        this.aggregationTypes = registry.getTypes(ObjectTypeDefinition.class).stream()
                .filter(t -> t.hasDirective("aggregation"))
                .sorted(Comparator.comparingInt(t -> t.getSourceLocation() == null ? 0 : t.getSourceLocation().getLine()))
                .toList();
    }

    /** The aggregations in declaration order, their tables numbered from {@code firstPosition}. */
    List<Aggregation> aggregations(int firstPosition) {
        List<Aggregation> result = new ArrayList<>();
        int position = firstPosition;
        for (ObjectTypeDefinition type : aggregationTypes) {
            Aggregation agg = aggregation(type, position);
            position += agg.tables().size();
            result.add(agg);
        }
        return result;
    }

    private Aggregation aggregation(ObjectTypeDefinition type, int position) {
        String name = type.getName();
        Timeseries.timestampField(source, type);
        type.getFieldDefinitions().stream().filter(f -> f.hasDirective("derivedFrom")).findFirst().ifPresent(f -> {
            throw SchemaErrors.at(source, f, "Aggregation " + name + " has a derived field " + f.getName()
                    + " but fields in aggregations can not be derived");
        });
        aggregateFieldTypes(type);
        Directive directive = type.getDirectives("aggregation").get(0);
        ObjectTypeDefinition src = sourceType(type, directive);
        List<Column> stored = columns.apply(type);
        List<Column> dimensions = new ArrayList<>();
        List<Aggregate> aggregates = new ArrayList<>();
        for (FieldDefinition field : type.getFieldDefinitions()) {
            if (field.getName().equals("id") || field.getName().equals(Timeseries.TIMESTAMP)) {
                continue;
            }
            Column column = stored.stream().filter(c -> c.field().equals(field.getName())).findFirst().orElseThrow();
            if (field.hasDirective("aggregate")) {
                aggregates.add(aggregate(type, src, field, column));
            } else {
                dimension(type, src, field);
                dimensions.add(column);
            }
        }
        if (aggregates.isEmpty()) {
            throw SchemaErrors.at(source, type, "Aggregation " + name + " has no @aggregate fields");
        }
        List<Interval> intervals = intervals(type, directive);
        List<Column> tableColumns = new ArrayList<>(stored.stream().filter(c -> !isAggregate(type, c)).toList());
        aggregates.forEach(a -> tableColumns.add(a.column()));
        List<String> dimsIndex = new ArrayList<>();
        if (aggregates.stream().anyMatch(Aggregate::cumulative) && !dimensions.isEmpty()) {
            dimensions.forEach(d -> dimsIndex.add(d.name()));
            dimsIndex.add(Timeseries.TIMESTAMP);
        }
        List<EntityTable> intervalTables = new ArrayList<>();
        for (Interval interval : intervals) {
            String entityType = name + "_" + interval.label();
            intervalTables.add(new EntityTable(entityType, tableName.apply(entityType, type), Column.id(name, ColumnType.INT8),
                    tableColumns, true, position++, List.of(), dimsIndex));
        }
        return new Aggregation(name, src.getName(), tables.get(src.getName()).name(), intervals, intervalTables,
                dimensions, aggregates);
    }

    private boolean isAggregate(ObjectTypeDefinition type, Column c) {
        return Timeseries.field(type, c.field()).map(f -> f.hasDirective("aggregate")).orElse(false);
    }

    /** The type an {@code @aggregate} field may have: numeric; for first and last also String, Bytes, an entity. */
    private void aggregateFieldTypes(ObjectTypeDefinition type) {
        for (FieldDefinition field : type.getFieldDefinitions()) {
            if (!field.hasDirective("aggregate")) {
                continue;
            }
            var fnArg = field.getDirectives("aggregate").get(0).getArgument("fn");
            Optional<String> fn = fnArg == null ? Optional.empty() : text(fnArg.getValue());
            boolean firstLast = fn.flatMap(AggregateFn::of).map(AggregateFn::picksOne).orElse(false);
            String base = Timeseries.baseType(field.getType());
            boolean scalar = ColumnType.scalar(base).isPresent();
            if (NUMERIC.contains(base) || firstLast && (base.equals("Bytes") || base.equals("String"))) {
                continue;
            }
            if (scalar && firstLast) {
                throw SchemaErrors.at(source, field, "Aggregation '" + type.getName() + "', field '" + field.getName()
                        + "': first/last aggregates must use a numeric, byte array, string or a reference type");
            }
            if (scalar) {
                throw SchemaErrors.at(source, field, "Aggregation " + type.getName() + ", field" + field.getName()
                        + ": aggregates must use a numeric type, one of Int, Int8, BigInt, and BigDecimal");
            }
            if (!(firstLast && entities.containsKey(base))) {
                throw SchemaErrors.at(source, field, "Type `" + type.getName() + "`, field `" + field.getName()
                        + "`: type `" + base + "` is not defined");
            }
        }
    }

    private ObjectTypeDefinition sourceType(ObjectTypeDefinition type, Directive directive) {
        String name = type.getName();
        var arg = directive.getArgument("source");
        if (arg == null) {
            throw SchemaErrors.at(source, directive, "Aggregation " + name + " is missing the `source` argument");
        }
        if (!(arg.getValue() instanceof StringValue s)) {
            throw SchemaErrors.at(source, arg, "Aggregation " + name
                    + " has an invalid argument for `source`: it must be the name of a timeseries");
        }
        ObjectTypeDefinition src = entities.get(s.getValue());
        if (src == null) {
            throw SchemaErrors.at(source, arg, "Aggregaton " + name + " uses " + s.getValue()
                    + " as the source, but there is no timeseries of that name");
        }
        if (!EntityArgs.flag(source, src, "timeseries")) {
            throw SchemaErrors.at(source, arg, "Aggregation " + name + " uses " + src.getName()
                    + " as the source, but that type is not a timeseries");
        }
        String idType = Timeseries.field(type, "id").map(f -> Timeseries.baseType(f.getType())).orElse(null);
        if (idType == null) {
            throw SchemaErrors.at(source, type, "Type " + name + " is missing an `id` field");
        }
        if (!idType.equals("Int8")) {
            throw SchemaErrors.at(source, Timeseries.field(type, "id").get(), "The type of the `id` field for aggregation "
                    + name + " must be Int8, the same as in the source, but is " + idType);
        }
        return src;
    }

    private Aggregate aggregate(ObjectTypeDefinition type, ObjectTypeDefinition src, FieldDefinition field,
            Column column) {
        String at = "Field " + field.getName() + " in aggregation " + type.getName();
        Directive d = field.getDirectives("aggregate").get(0);
        var fnArg = d.getArgument("fn");
        if (fnArg == null) {
            throw SchemaErrors.at(source, d, at + " is missing the `fn` argument");
        }
        String fnText = text(fnArg.getValue()).orElse(AstPrinter.printAst(fnArg.getValue()));
        AggregateFn fn = AggregateFn.of(fnText).filter(f -> text(fnArg.getValue()).isPresent())
                .orElseThrow(() -> SchemaErrors.at(source, fnArg, at + " uses the unknown aggregation function `" + fnText + "`"));
        var argArg = d.getArgument("arg");
        if (argArg != null && !(argArg.getValue() instanceof StringValue)) {
            throw SchemaErrors.at(source, argArg, at + " has an invalid argument for `arg`: it must be a string");
        }
        if (argArg == null && fn.hasArg()) {
            throw SchemaErrors.at(source, d, at + " is missing the `arg` argument since the function " + fn.label()
                    + " requires it");
        }
        var cumulativeArg = d.getArgument("cumulative");
        if (argArg != null && cumulativeArg != null && !(cumulativeArg.getValue() instanceof BooleanValue)) {
            throw SchemaErrors.at(source, cumulativeArg, at + " has an invalid value for `cumulative`. It needs to be a boolean");
        }
        boolean cumulative = cumulativeArg != null && cumulativeArg.getValue() instanceof BooleanValue b && b.isValue();
        if (argArg == null) {
            return new Aggregate(column, fn, "", "", List.of(), cumulative);
        }
        String arg = ((StringValue) argArg.getValue()).getValue();
        ArgExpression.Parsed parsed = ArgExpression.parse(arg, ident -> argColumn(type, src, field, fn, arg, ident),
                problem -> SchemaErrors.at(source, argArg, problem));
        return new Aggregate(column, fn, arg, parsed.sql(), parsed.columns(), cumulative);
    }

    /** The source column of identifier {@code ident} in the {@code arg} of {@code field}, checked as graph-node does. */
    private String argColumn(ObjectTypeDefinition type, ObjectTypeDefinition src, FieldDefinition field, AggregateFn fn,
            String arg, String ident) {
        String at = "Field " + field.getName() + " in aggregation " + type.getName();
        FieldDefinition argField = Timeseries.field(src, ident).orElseThrow(() -> SchemaErrors.at(source, field,
                at + " has `arg` " + arg + " but the source type does not have such a field"));
        String argType = Timeseries.baseType(argField.getType());
        String fieldType = Timeseries.baseType(field.getType());
        boolean ok = NUMERIC.contains(argType)
                || fn.picksOne() && (argType.equals("Bytes") || argType.equals("String") || argType.equals(fieldType)
                        && ColumnType.scalar(argType).isEmpty());
        if (!ok) {
            throw SchemaErrors.at(source, field, at + " has arg `" + arg + "` but that is not a numeric field in " + src.getName());
        }
        if (NUMERIC.contains(argType)) {
            if (!NUMERIC.contains(fieldType)) {
                throw SchemaErrors.at(source, field, "Aggregation " + type.getName() + ", field" + field.getName()
                        + ": aggregates must use a numeric type, one of Int, Int8, BigInt, and BigDecimal");
            }
            if (NUMERIC.indexOf(argType) > NUMERIC.indexOf(fieldType)) {
                throw SchemaErrors.at(source, field, at + " has `arg` " + arg + " of type " + argType
                        + " but it is of the wider type " + fieldType + " in the source");
            }
        }
        return tables.get(src.getName()).column(ident).orElseThrow().name();
    }

    /** A dimension: a source field of the same name and base type. */
    private void dimension(ObjectTypeDefinition type, ObjectTypeDefinition src, FieldDefinition field) {
        FieldDefinition srcField = Timeseries.field(src, field.getName()).orElseThrow(() -> SchemaErrors.at(source, field,
                "Aggregation " + type.getName() + " uses " + src.getName() + " as the source, but that does not have a field "
                        + field.getName()));
        String mine = Timeseries.baseType(field.getType());
        String theirs = Timeseries.baseType(srcField.getType());
        if (!mine.equals(theirs)) {
            throw SchemaErrors.at(source, field, "Field " + field.getName() + " in aggregation " + type.getName()
                    + " has type " + mine + " but its type in the source is " + theirs);
        }
    }

    private List<Interval> intervals(ObjectTypeDefinition type, Directive directive) {
        String name = type.getName();
        var arg = directive.getArgument("intervals");
        if (arg == null) {
            throw SchemaErrors.at(source, directive, "Aggregation " + name
                    + " is missing an `intervals` argument for the timeseries directive");
        }
        String wrong = "Aggregation " + name + " has an invalid argument for `intervals`: it must be a non-empty list of strings";
        if (!(arg.getValue() instanceof ArrayValue list) || list.getValues().isEmpty()
                || !list.getValues().stream().allMatch(StringValue.class::isInstance)) {
            throw SchemaErrors.at(source, arg, wrong);
        }
        TreeSet<Interval> intervals = new TreeSet<>();
        for (Value<?> v : list.getValues()) {
            String label = ((StringValue) v).getValue();
            intervals.add(Interval.of(label).orElseThrow(() -> SchemaErrors.at(source, v,
                    "Aggregation " + name + ": the interval " + label + " is not supported")));
        }
        return List.copyOf(intervals);
    }

    /** A string or enum value's text ({@code fn: "sum"} and {@code fn: sum} both give {@code sum}). */
    private static Optional<String> text(Value<?> v) {
        if (v instanceof StringValue s) {
            return Optional.of(s.getValue());
        }
        return v instanceof EnumValue e ? Optional.of(e.getName()) : Optional.empty();
    }
}
