package io.graphstore.store.layout;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.ObjectField;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code @fulltext} directives on {@code _Schema_}, checked as graph-node checks them
 * ({@code graph/src/schema/input/mod.rs}); each becomes a {@link FulltextColumn} of the one
 * entity it includes.
 */
final class Fulltexts {
    /** graph-node's language codes and the PostgreSQL configuration each stands for. */
    static final Map<String, String> LANGUAGES = Map.ofEntries(Map.entry("simple", "simple"), Map.entry("da", "danish"),
            Map.entry("nl", "dutch"), Map.entry("en", "english"), Map.entry("fi", "finnish"), Map.entry("fr", "french"),
            Map.entry("de", "german"), Map.entry("hu", "hungarian"), Map.entry("it", "italian"),
            Map.entry("no", "norwegian"), Map.entry("pt", "portuguese"), Map.entry("ro", "romanian"),
            Map.entry("ru", "russian"), Map.entry("es", "spanish"), Map.entry("sv", "swedish"), Map.entry("tr", "turkish"));
    static final List<String> ALGORITHMS = List.of("rank", "proximityRank");

    /** A parsed directive: the column and the entity type it belongs to. */
    record Definition(String entityType, FulltextColumn column, Directive directive) {
    }

    private final String source;

    Fulltexts(String source) {
        this.source = source;
    }

    List<Definition> parse(TypeDefinitionRegistry registry, Map<String, List<Column>> columnsByEntity) {
        Optional<ObjectTypeDefinition> schema = registry.getType("_Schema_", ObjectTypeDefinition.class);
        if (schema.isEmpty()) {
            return List.of();
        }
        ObjectTypeDefinition s = schema.get();
        if (!s.getFieldDefinitions().isEmpty()) {
            throw SchemaErrors.at(source, s, "_Schema_ type is only for @fulltext and must not have any fields");
        }
        List<Definition> defs = new ArrayList<>();
        for (Directive d : s.getDirectives()) {
            if (!d.getName().equals("fulltext")) {
                throw SchemaErrors.at(source, d, "The _Schema_ type only allows @fulltext directives, not @" + d.getName());
            }
            defs.add(definition(d, columnsByEntity));
        }
        return defs;
    }

    private Definition definition(Directive d, Map<String, List<Column>> columnsByEntity) {
        String name = string(d, "name").orElseThrow(() -> SchemaErrors.at(source, d, "Fulltext directive name undefined"));
        String code = enumOrString(d, "language").orElseThrow(() -> SchemaErrors.at(source, d,
                "@fulltext '" + name + "': language undefined; use one of " + String.join(", ", LANGUAGES.keySet().stream().sorted().toList())));
        String language = Optional.ofNullable(LANGUAGES.get(code)).orElseThrow(() -> SchemaErrors.at(source, d,
                "Provided language for fulltext search is invalid: " + code + "; use one of "
                        + String.join(", ", LANGUAGES.keySet().stream().sorted().toList())));
        String algorithm = enumOrString(d, "algorithm").orElseThrow(() -> SchemaErrors.at(source, d,
                "@fulltext '" + name + "': algorithm undefined; use rank or proximityRank"));
        if (!ALGORITHMS.contains(algorithm)) {
            throw SchemaErrors.at(source, d, "The provided fulltext search algorithm " + algorithm
                    + " is invalid. It must be one of: rank, proximityRank");
        }
        Value<?> include = d.getArgument("include") == null ? null : d.getArgument("include").getValue();
        if (!(include instanceof ArrayValue list) || list.getValues().isEmpty()) {
            throw SchemaErrors.at(source, d, "Fulltext directive requires an 'include' list");
        }
        if (list.getValues().size() > 1) {
            throw SchemaErrors.at(source, d, "@fulltext '" + name + "' includes " + list.getValues().size()
                    + " entities; graph-node uses only the first, so include exactly one");
        }
        if (!(list.getValues().get(0) instanceof ObjectValue entry)) {
            throw SchemaErrors.at(source, d, "@fulltext '" + name + "': an include entry must be an object like"
                    + " {entity: \"Band\", fields: [{name: \"name\"}]}");
        }
        String entity = field(entry, "entity").filter(StringValue.class::isInstance).map(v -> ((StringValue) v).getValue())
                .orElseThrow(() -> SchemaErrors.at(source, d, "@fulltext '" + name + "': the include entry needs an 'entity' string"));
        List<Column> columns = Optional.ofNullable(columnsByEntity.get(entity)).orElseThrow(() -> SchemaErrors.at(source, d,
                "@fulltext '" + name + "' includes entity '" + entity + "', which is not an @entity type of the schema"));
        Value<?> fields = field(entry, "fields").orElse(null);
        if (!(fields instanceof ArrayValue fieldList) || fieldList.getValues().isEmpty()) {
            throw SchemaErrors.at(source, d, "@fulltext '" + name + "': the include entry needs a non-empty 'fields' list");
        }
        List<Column> included = new ArrayList<>();
        for (Value<?> f : fieldList.getValues()) {
            String fieldName = f instanceof ObjectValue o ? field(o, "name").filter(StringValue.class::isInstance)
                    .map(v -> ((StringValue) v).getValue()).orElse(null) : null;
            if (fieldName == null) {
                throw SchemaErrors.at(source, d, "@fulltext '" + name + "': each field is an object like {name: \"title\"}");
            }
            included.add(columns.stream().filter(c -> c.field().equals(fieldName) && !c.list()
                            && (c.type() == ColumnType.STRING || c.type() == ColumnType.ID) && c.references().isEmpty())
                    .findFirst().orElseThrow(() -> SchemaErrors.at(source, d, "Fulltext entity field, " + fieldName
                            + ", not found or not a string in " + entity)));
        }
        return new Definition(entity, new FulltextColumn(name, SqlNames.snakeCase(name), language, algorithm, included), d);
    }

    private static Optional<Value<?>> field(ObjectValue o, String name) {
        return o.getObjectFields().stream().filter(f -> f.getName().equals(name)).map(ObjectField::getValue)
                .<Value<?>>map(v -> v).findFirst();
    }

    private static Optional<String> string(Directive d, String arg) {
        return Optional.ofNullable(d.getArgument(arg)).map(a -> a.getValue())
                .filter(StringValue.class::isInstance).map(v -> ((StringValue) v).getValue());
    }

    private static Optional<String> enumOrString(Directive d, String arg) {
        return Optional.ofNullable(d.getArgument(arg)).map(a -> a.getValue()).map(v -> v instanceof EnumValue e ? e.getName()
                : v instanceof StringValue s ? s.getValue() : null);
    }
}
