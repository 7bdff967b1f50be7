package io.graphstore.store.layout;

import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import java.util.Optional;

/**
 * {@code @entity(timeseries: true)}: an immutable type with an {@code Int8} id and a
 * {@code timestamp: Timestamp} field, both of which the store sets on write (the id from the
 * block and a sequence number, the timestamp to the block's time). graph-node's checks, with
 * its messages.
 */
final class Timeseries {
    static final String TIMESTAMP = "timestamp";

    private Timeseries() {
    }

    /** Whether {@code entity} is a timeseries; rejects one that is one but cannot be. */
    static boolean check(String source, ObjectTypeDefinition entity) {
        if (!EntityArgs.flag(source, entity, "timeseries")) {
            return false;
        }
        if (EntityArgs.value(source, entity, "immutable").filter(b -> !b).isPresent()) {
            throw SchemaErrors.at(source, entity, "Timeseries " + entity.getName() + " is marked as mutable, it must be immutable");
        }
        FieldDefinition id = field(entity, "id").orElseThrow(() -> SchemaErrors.at(source, entity,
                "Type " + entity.getName() + " is missing an `id` field"));
        if (!"Int8".equals(baseType(id.getType()))) {
            throw SchemaErrors.at(source, id, "Timeseries `" + entity.getName() + "` must have an `id` field of type `Int8`");
        }
        timestampField(source, entity);
        return true;
    }

    /** The {@code timestamp: Timestamp} field a timeseries and an aggregation must have. */
    static void timestampField(String source, ObjectTypeDefinition type) {
        FieldDefinition ts = field(type, TIMESTAMP).orElseThrow(() -> SchemaErrors.at(source, type,
                "Timeseries " + type.getName() + " is missing a `timestamp` field"));
        if (!"Timestamp".equals(baseType(ts.getType()))) {
            throw SchemaErrors.at(source, ts, "Type " + type.getName() + " has a `timestamp` field of type "
                    + baseType(ts.getType()) + ", but it must be of type Timestamp");
        }
    }

    static Optional<FieldDefinition> field(ObjectTypeDefinition type, String name) {
        return type.getFieldDefinitions().stream().filter(f -> f.getName().equals(name)).findFirst();
    }

    /** {@code BigInt} for {@code [BigInt!]!}. */
    static String baseType(Type<?> type) {
        if (type instanceof NonNullType nn) {
            return baseType(nn.getType());
        }
        return type instanceof ListType list ? baseType(list.getType()) : ((TypeName) type).getName();
    }
}
