package io.graphstore.store.layout;

import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The stored type of a field: a built-in scalar, an enum (text), or a reference to an entity
 * (the target's id type). A field of an interface type holds the id of one of the entities
 * implementing it, so it takes their common id type and references the interface.
 */
final class FieldTypes {
    private final String source;
    private final TypeDefinitionRegistry registry;
    private final Map<String, ColumnType> entityIds;
    private final Map<String, EnumType> enums;

    FieldTypes(String source, TypeDefinitionRegistry registry, Map<String, ColumnType> entityIds,
            Map<String, EnumType> enums) {
        this.source = source;
        this.registry = registry;
        this.entityIds = entityIds;
        this.enums = enums;
    }

    Column column(String entity, FieldDefinition field, String name) {
        String subject = entity + "." + field.getName();
        Type<?> type = field.getType();
        boolean nullable = !(type instanceof NonNullType);
        type = unwrapNonNull(type);
        boolean list = type instanceof ListType;
        if (list) {
            type = unwrapNonNull(((ListType) type).getType());
            if (type instanceof ListType) {
                throw SchemaErrors.at(source, field, subject + " is a list of lists, which cannot be stored; use a list of an entity type instead");
            }
        }
        String typeName = ((TypeName) type).getName();
        Optional<ColumnType> scalar = ColumnType.scalar(typeName);
        if (scalar.isPresent()) {
            return new Column(entity, field.getName(), name, scalar.get(), list, nullable, Optional.empty());
        }
        if (entityIds.containsKey(typeName)) {
            return new Column(entity, field.getName(), name, entityIds.get(typeName), list, nullable, Optional.of(typeName));
        }
        if (enums.containsKey(typeName)) {
            return new Column(entity, field.getName(), name, ColumnType.ENUM, list, nullable, Optional.empty(),
                    Optional.of(enums.get(typeName)));
        }
        TypeDefinition<?> declared = registry.getTypeOrNull(typeName);
        if (declared instanceof InterfaceTypeDefinition iface) {
            return new Column(entity, field.getName(), name, interfaceId(subject, field, iface), list, nullable,
                    Optional.of(iface.getName()));
        }
        throw SchemaErrors.at(source, field, subject + " has type '" + typeName + "', which " + whatItIs(declared)
                + "; a stored field is one of ID, String, Int, Int8, BigInt, BigDecimal, Bytes, Boolean, Timestamp,"
                + " an enum, an @entity type or an interface, or a list of these");
    }

    /** The id type shared by every entity implementing {@code iface}; text when none does. */
    private ColumnType interfaceId(String subject, FieldDefinition field, InterfaceTypeDefinition iface) {
        Map<String, ColumnType> ids = registry.getImplementationsOf(iface).stream()
                .filter(o -> entityIds.containsKey(o.getName()))
                .collect(Collectors.toMap(ObjectTypeDefinition::getName, o -> entityIds.get(o.getName()),
                        (a, b) -> a, TreeMap::new));
        if (ids.values().stream().map(ColumnType::sqlType).distinct().count() > 1) {
            String found = ids.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().graphqlName())
                    .collect(Collectors.joining(", "));
            throw SchemaErrors.at(source, field, subject + " has interface type '" + iface.getName()
                    + "', whose entities have ids of different types (" + found + "); give them one id type");
        }
        return ids.values().stream().findFirst().orElse(ColumnType.ID);
    }

    private static String whatItIs(TypeDefinition<?> declared) {
        if (declared == null) {
            return "is not declared in the schema";
        }
        if (declared instanceof ObjectTypeDefinition) {
            return "is a type without @entity";
        }
        if (declared instanceof ScalarTypeDefinition) {
            return "is a custom scalar";
        }
        if (declared instanceof UnionTypeDefinition) {
            return "is a union";
        }
        return declared instanceof InputObjectTypeDefinition ? "is an input type" : "cannot be stored";
    }

    private static Type<?> unwrapNonNull(Type<?> type) {
        return type instanceof NonNullType nn ? nn.getType() : type;
    }
}
