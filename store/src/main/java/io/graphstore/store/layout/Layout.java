package io.graphstore.store.layout;

import graphql.GraphQLException;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.errors.SchemaProblem;
import io.graphstore.common.BadInputException;
import io.graphstore.store.domain.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The relational layout of one deployment: a table per {@code @entity} type of its GraphQL
 * schema, in declaration order, then one per interval of each {@code @aggregation} type. Pure:
 * parsing touches no database, and {@link #createStatements} only produces DDL for the caller
 * to run in the deployment's shard.
 *
 * @param tables       every table: copies, reverts and verification go through this list
 * @param enums        the enum types
 * @param warnings     directives that change nothing in the tables, one line each
 * @param aggregations the {@code @aggregation} types; their tables are also in {@code tables}
 * @param timeseries   the {@code @entity(timeseries: true)} types
 */
public record Layout(List<EntityTable> tables, List<EnumType> enums, List<String> warnings,
        List<Aggregation> aggregations, List<String> timeseries) {
    public Layout {
        tables = List.copyOf(tables);
        enums = List.copyOf(enums);
        warnings = List.copyOf(warnings);
        aggregations = List.copyOf(aggregations);
        timeseries = List.copyOf(timeseries);
    }

    /**
     * Parses GraphQL SDL such as a subgraph's {@code schema.graphql}. Built-in scalars need not
     * be declared; types without {@code @entity} are only used to type fields. Directives that
     * change nothing in the tables (such as a tool's own annotations) are listed in
     * {@link #warnings()}, one line each, for the caller to show.
     *
     * @param sourceName how messages name the schema, usually its file name
     * @throws BadInputException one line, starting {@code sourceName:line:column:} when the
     *                           place is known, for any syntax error or unstorable schema
     */
    public static Layout parse(String graphql, String sourceName) {
        String source = sourceName == null || sourceName.isBlank() ? "schema" : sourceName;
        if (graphql == null || graphql.isBlank()) {
            throw new BadInputException(source + ": the schema is empty; declare at least one type with @entity,"
                    + " like 'type Token @entity { id: ID! }'");
        }
        TypeDefinitionRegistry registry;
        try {
            registry = new SchemaParser().parse(graphql);
        } catch (SchemaProblem e) {
            throw SchemaErrors.fromParser(source, e.getErrors(), e);
        } catch (GraphQLException e) {
            throw SchemaErrors.fromParser(source, List.of(), e);
        }
        TableMapper mapper = new TableMapper(source, registry);
        List<EntityTable> tables = mapper.tables();
        return new Layout(tables, mapper.enums(), new UnusedDirectives(source, registry).warnings(),
                mapper.aggregations(), mapper.timeseries());
    }

    /** Whether {@code entityType} is an {@code @entity(timeseries: true)} type. */
    public boolean isTimeseries(String entityType) {
        return timeseries.contains(entityType);
    }

    /** The aggregation whose tables include that of {@code entityType} ({@code Stats_hour}), if any. */
    public Optional<Aggregation> aggregationOf(String entityType) {
        return aggregations.stream().filter(a -> a.tables().stream().anyMatch(t -> t.entityType().equals(entityType)))
                .findFirst();
    }

    /** The table of GraphQL type {@code entityType} ({@code "Token"}). */
    public Optional<EntityTable> table(String entityType) {
        return tables.stream().filter(t -> t.entityType().equals(entityType)).findFirst();
    }

    /** Like {@link #table} but an unknown type is bad input naming the known ones. */
    public EntityTable require(String entityType) {
        return table(entityType).orElseThrow(() -> new BadInputException("entity type '" + entityType
                + "' is not in the schema (known: " + known() + "); names are case-sensitive and only @entity types have tables"));
    }

    /**
     * The DDL creating every table with its constraint and indexes in {@code ns}, in order,
     * without trailing semicolons. The schema {@code ns} itself is created by the caller, and
     * the database needs the {@code btree_gist} extension (every shard has it).
     */
    public List<String> createStatements(Namespace ns) {
        List<String> statements = new ArrayList<>(typeStatements(ns));
        for (EntityTable t : tables) {
            statements.add(TableDdl.table(t, ns));
            statements.addAll(t.indexStatements(ns));
        }
        return List.copyOf(statements);
    }

    /**
     * Like {@link #createStatements} but only the tables with their primary key on {@code vid}:
     * a copy loads its rows first and builds the secondary indexes afterwards with
     * {@link EntityTable#indexStatements}, which is much faster than maintaining them row by row.
     */
    public List<String> tableStatements(Namespace ns) {
        List<String> statements = new ArrayList<>(typeStatements(ns));
        tables.forEach(t -> statements.add(TableDdl.table(t, ns)));
        return List.copyOf(statements);
    }

    /**
     * The {@code create type} statements of the enums in {@code ns}: they come before the
     * tables, and a source namespace mapped into another shard needs them too, since
     * postgres_fdw types a foreign table's enum columns with the source's type names.
     */
    public List<String> typeStatements(Namespace ns) {
        return enums.stream().map(e -> e.createStatement(ns)).toList();
    }

    private String known() {
        return tables.stream().map(EntityTable::entityType).sorted().collect(Collectors.joining(", "));
    }
}
