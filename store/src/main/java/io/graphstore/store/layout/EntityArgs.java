package io.graphstore.store.layout;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.ObjectTypeDefinition;
import java.util.Optional;

/** The arguments of a type's {@code @entity} directive, as graph-node reads them. */
final class EntityArgs {
    private EntityArgs() {
    }

    /** The boolean argument {@code name} of {@code @entity}; false when absent. */
    static boolean flag(String source, ObjectTypeDefinition type, String name) {
        return value(source, type, name).orElse(false);
    }

    /** The boolean argument {@code name} of {@code @entity}, if given. */
    static Optional<Boolean> value(String source, ObjectTypeDefinition type, String name) {
        Optional<Argument> arg = Optional.ofNullable(type.getDirectives("entity")).stream().flatMap(java.util.List::stream)
                .map(d -> d.getArgument(name)).filter(java.util.Objects::nonNull).findFirst();
        if (arg.isEmpty()) {
            return Optional.empty();
        }
        if (!(arg.get().getValue() instanceof BooleanValue b)) {
            throw SchemaErrors.at(source, arg.get(), "@entity(" + name + ": ...) on type '" + type.getName()
                    + "' must be true or false");
        }
        return Optional.of(b.isValue());
    }
}
