package io.graphstore.store.layout;

import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.Node;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Directives in a schema that do not shape its tables: graph-node ignores them (real schemas
 * carry tool annotations such as Messari's {@code @regularPolling}, or {@code @entity} on an
 * enum), and so does graph-store, but it says so, one warning per directive, by name and place.
 */
final class UnusedDirectives {
    /** Where each directive graph-store reads is meaningful. */
    private static final Map<String, Set<String>> USED = Map.of(
            "entity", Set.of("object"),
            "aggregation", Set.of("object"),
            "fulltext", Set.of("_Schema_"),
            "derivedFrom", Set.of("field", "interface field"),
            "aggregate", Set.of("field"));

    private final String source;
    private final TypeDefinitionRegistry registry;

    UnusedDirectives(String source, TypeDefinitionRegistry registry) {
        this.source = source;
        this.registry = registry;
    }

    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        List<TypeDefinition> types = new ArrayList<>(registry.types().values());
        types.sort(Comparator.comparingInt(t -> t.getSourceLocation() == null ? 0 : t.getSourceLocation().getLine()));
        for (TypeDefinition<?> type : types) {
            String where = type.getName().equals("_Schema_") ? "_Schema_"
                    : type instanceof ObjectTypeDefinition ? "object" : kind(type);
            check(warnings, type, where, "type '" + type.getName() + "'");
            if (type instanceof ImplementingTypeDefinition<?> t) {
                for (FieldDefinition f : t.getFieldDefinitions()) {
                    check(warnings, f, t instanceof ObjectTypeDefinition ? "field" : "interface field",
                            "field " + type.getName() + "." + f.getName());
                }
            }
        }
        return List.copyOf(warnings);
    }

    private void check(List<String> warnings, DirectivesContainer<?> node, String where, String subject) {
        for (Directive d : node.getDirectives()) {
            Set<String> places = USED.get(d.getName());
            if (places == null) {
                warnings.add(SchemaErrors.at(source, d, "directive @" + d.getName() + " on " + subject
                        + " is not used by graph-store (nor by graph-node); it has no effect on the tables").getMessage());
            } else if (!places.contains(where)) {
                warnings.add(SchemaErrors.at(source, d, "directive @" + d.getName() + " on " + subject + " (" + where
                        + ") is ignored; it only has an effect on " + String.join(" or ", places.stream().sorted().toList()))
                        .getMessage());
            }
        }
    }

    private static String kind(Node<?> type) {
        if (type instanceof EnumTypeDefinition) {
            return "enum";
        }
        return type instanceof graphql.language.InterfaceTypeDefinition ? "interface" : "type";
    }
}
