package io.graphstore.store.layout;

import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.Node;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SourceLocation;
import graphql.language.TypeName;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed schema's {@code @entity} types to tables, in declaration order. Every other type
 * (interfaces, enums, plain object types such as {@code _Schema_}) only serves to type fields.
 */
final class TableMapper {
    private static final String ID_TYPES = "ID!, String!, Bytes! or Int8!";

    private final String source;
    private final TypeDefinitionRegistry registry;
    private final List<ObjectTypeDefinition> entities;
    private final Map<String, ColumnType> idTypes = new LinkedHashMap<>();
    private final Map<String, EnumType> enums = new LinkedHashMap<>();
    private final List<String> timeseries = new ArrayList<>();
    private List<Aggregation> aggregations = List.of();

    TableMapper(String source, TypeDefinitionRegistry registry) {
        this.source = source;
        this.registry = registry;
        this.entities = registry.getTypes(ObjectTypeDefinition.class).stream()
                .filter(t -> t.hasDirective("entity"))
                .sorted(Comparator.comparing(TableMapper::line).thenComparing(TableMapper::column))
                .toList();
    }

    /** Every enum of the schema, in declaration order; graph-node creates a type for each. */
    List<EnumType> enums() {
        return List.copyOf(enums.values());
    }

    private Map<String, EnumType> enumsByName(NameCheck typeNames) {
        List<EnumTypeDefinition> defs = registry.getTypes(EnumTypeDefinition.class).stream()
                .sorted(Comparator.comparing((EnumTypeDefinition d) -> d.getSourceLocation() == null ? 0
                        : d.getSourceLocation().getLine()))
                .toList();
        for (EnumTypeDefinition def : defs) {
            String sqlName = sqlName(def.getName(), def, "enum '" + def.getName() + "'", "type");
            typeNames.claim(sqlName, def, "enum '" + def.getName() + "'");
            // sorted, as graph-node creates them: the order of values decides how 'order by' sorts them
            List<String> values = def.getEnumValueDefinitions().stream().map(v -> v.getName()).sorted().distinct().toList();
            if (values.isEmpty()) {
                throw SchemaErrors.at(source, def, "enum '" + def.getName() + "' has no values; declare at least one");
            }
            enums.put(def.getName(), new EnumType(def.getName(), sqlName, values));
        }
        return enums;
    }

    /** The {@code @entity(timeseries: true)} types, in declaration order; after {@link #tables}. */
    List<String> timeseries() {
        return List.copyOf(timeseries);
    }

    /** The {@code @aggregation} types, in declaration order; after {@link #tables}. */
    List<Aggregation> aggregations() {
        return aggregations;
    }

    /** The tables of the entity types in declaration order, then those of the aggregations. */
    List<EntityTable> tables() {
        if (entities.isEmpty()) {
            throw SchemaErrors.at(source, (SourceLocation) null,
                    "no type has the @entity directive; declare at least one, like 'type Token @entity { id: ID! }'");
        }
        for (ObjectTypeDefinition e : entities) {
            if (Timeseries.check(source, e)) {
                timeseries.add(e.getName());
            }
            idTypes.put(e.getName(), idType(e));
        }
        rejectExtensions();
        NameCheck tableNames = new NameCheck(source);
        FieldTypes fieldTypes = new FieldTypes(source, registry, idTypes, enumsByName(tableNames));
        Map<String, List<Column>> columnsByEntity = new LinkedHashMap<>();
        Map<String, NameCheck> columnNames = new LinkedHashMap<>();
        for (ObjectTypeDefinition entity : entities) {
            NameCheck names = new NameCheck(source);
            columnNames.put(entity.getName(), names);
            columnsByEntity.put(entity.getName(), columns(entity, fieldTypes, names));
        }
        Map<String, List<Column>> searchable = new LinkedHashMap<>();
        columnsByEntity.forEach((entity, columns) -> {
            List<Column> all = new ArrayList<>(columns);
            all.add(0, Column.id(entity, idTypes.get(entity)));
            searchable.put(entity, all);
        });
        Map<String, List<FulltextColumn>> fulltext = new LinkedHashMap<>();
        for (Fulltexts.Definition def : new Fulltexts(source).parse(registry, searchable)) {
            String fulltextName = def.column().fulltextName();
            if (registry.getType(fulltextName).isPresent()) {
                throw SchemaErrors.at(source, def.directive(), "Fulltext directive name overlaps with type: " + fulltextName);
            }
            columnNames.get(def.entityType()).claim(def.column().name(), def.directive(), "@fulltext '" + fulltextName + "'");
            fulltext.computeIfAbsent(def.entityType(), e -> new ArrayList<>()).add(def.column());
        }
        List<EntityTable> tables = new ArrayList<>();
        for (ObjectTypeDefinition entity : entities) {
            String table = sqlName(entity.getName(), entity, "type '" + entity.getName() + "'", "table");
            tableNames.claim(table, entity, "type '" + entity.getName() + "'");
            tables.add(new EntityTable(entity.getName(), table, Column.id(entity.getName(), idTypes.get(entity.getName())),
                    columnsByEntity.get(entity.getName()), immutable(entity), tables.size(),
                    fulltext.getOrDefault(entity.getName(), List.of())));
        }
        Map<String, EntityTable> byType = new LinkedHashMap<>();
        tables.forEach(t -> byType.put(t.entityType(), t));
        Map<String, ObjectTypeDefinition> entityTypes = new LinkedHashMap<>();
        entities.forEach(e -> entityTypes.put(e.getName(), e));
        aggregations = new AggregationMapper(source, registry, entityTypes, byType,
                type -> columns(type, fieldTypes, new NameCheck(source)),
                (graphqlName, node) -> {
                    String table = sqlName(graphqlName, node, "aggregation '" + graphqlName + "'", "table");
                    tableNames.claim(table, node, "aggregation '" + graphqlName + "'");
                    return table;
                }).aggregations(tables.size());
        aggregations.forEach(a -> tables.addAll(a.tables()));
        tables.forEach(tableNames::claimIndexes);
        return tables;
    }

    private List<Column> columns(ObjectTypeDefinition entity, FieldTypes fieldTypes, NameCheck columnNames) {
        List<Column> columns = new ArrayList<>();
        for (FieldDefinition field : entity.getFieldDefinitions()) {
            if (field.hasDirective("derivedFrom")) {
                continue;
            }
            String subject = entity.getName() + "." + field.getName();
            String name = sqlName(field.getName(), field, subject, "column");
            if (SqlNames.SYSTEM_COLUMNS.contains(name)) {
                throw SchemaErrors.at(source, field, subject + " maps to column '" + name
                        + "', which every entity table uses for versions (vid, block_range); rename the field");
            }
            columnNames.claim(name, field, subject);
            if (!field.getName().equals("id")) {
                columns.add(fieldTypes.column(entity.getName(), field, name));
            }
        }
        return columns;
    }

    /** {@code @entity(immutable: true)}; timeseries are immutable too. */
    private boolean immutable(ObjectTypeDefinition entity) {
        return EntityArgs.flag(source, entity, "immutable") || EntityArgs.flag(source, entity, "timeseries");
    }

    private ColumnType idType(ObjectTypeDefinition entity) {
        FieldDefinition id = entity.getFieldDefinitions().stream()
                .filter(f -> f.getName().equals("id")).findFirst()
                .orElseThrow(() -> SchemaErrors.at(source, entity, "type '" + entity.getName()
                        + "' has no 'id' field; every @entity type needs one, of type " + ID_TYPES));
        // graph-node also takes a nullable id ('id: ID'); the column is not null either way
        Optional<ColumnType> type = Optional.of(id.getType())
                .map(t -> t instanceof NonNullType nn ? nn.getType() : t)
                .filter(TypeName.class::isInstance)
                .flatMap(t -> ColumnType.scalar(((TypeName) t).getName()))
                .filter(ColumnType::canBeId);
        return type.orElseThrow(() -> SchemaErrors.at(source, id, entity.getName() + ".id has type '"
                + TypeText.of(id.getType()) + "'; an id must be " + ID_TYPES));
    }

    private String sqlName(String graphqlName, Node<?> node, String subject, String what) {
        String name = SqlNames.snakeCase(graphqlName);
        if (name.length() > SqlNames.MAX_LENGTH) {
            throw SchemaErrors.at(source, node, subject + " maps to " + what + " '" + name + "', which has "
                    + name.length() + " characters; PostgreSQL allows " + SqlNames.MAX_LENGTH + ", use a shorter name");
        }
        if (!SqlNames.isValid(name)) {
            throw SchemaErrors.at(source, node, subject + " maps to " + what + " '" + name
                    + "', which is not a valid SQL identifier; use letters, digits and underscores");
        }
        return name;
    }

    private void rejectExtensions() {
        registry.objectTypeExtensions().values().stream().flatMap(List::stream)
                .filter(ext -> idTypes.containsKey(ext.getName())).findFirst()
                .ifPresent(ext -> {
                    throw SchemaErrors.at(source, ext, "'extend type " + ext.getName()
                            + "' is not supported for entity types; declare all fields in the type itself");
                });
    }

    private static int line(ObjectTypeDefinition t) {
        return t.getSourceLocation() == null ? 0 : t.getSourceLocation().getLine();
    }

    private static int column(ObjectTypeDefinition t) {
        return t.getSourceLocation() == null ? 0 : t.getSourceLocation().getColumn();
    }
}
