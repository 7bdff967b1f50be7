package io.graphstore.graphman.deployment;

import io.graphstore.graphman.cli.Fields;
import io.graphstore.store.domain.Namespace;
import io.graphstore.store.layout.Aggregation;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.layout.EnumType;
import io.graphstore.store.layout.FulltextColumn;
import io.graphstore.store.layout.Layout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a deploy created in the shard: tables, enum types, fulltext columns, aggregations and indexes. */
final class LayoutSummary {
    private LayoutSummary() {
    }

    static void addTo(Fields fields, Layout layout, Namespace ns) {
        fields.add("tables", layout.tables().stream()
                .map(t -> t.name() + " (" + (t.immutable() ? "immutable" : "mutable") + ", " + plural(t.columns().size() + 1, "column") + ")")
                .collect(Collectors.joining(", ")));
        if (!layout.enums().isEmpty()) {
            fields.add("enum types", layout.enums().stream()
                    .map(e -> e.qualifiedName(ns) + " (" + String.join(", ", e.values()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        List<String> fulltext = layout.tables().stream().flatMap(t -> t.fulltext().stream()
                .map(f -> t.name() + "." + f.name() + " (" + f.language() + ", " + f.algorithm() + ": "
                        + f.fields().stream().map(c -> c.name()).collect(Collectors.joining(", ")) + ")"))
                .toList();
        if (!fulltext.isEmpty()) {
            fields.add("fulltext", String.join(", ", fulltext));
        }
        if (!layout.aggregations().isEmpty()) {
            fields.add("aggregations", layout.aggregations().stream()
                    .map(a -> a.name() + " of " + a.source() + " (" + a.tables().stream().map(EntityTable::name)
                            .collect(Collectors.joining(", ")) + ": " + a.aggregates().stream()
                            .map(g -> g.column().name() + " = " + g.fn().label()
                                    + (g.cumulative() ? " cumulative" : ""))
                            .collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining("; ")));
        }
        int indexes = layout.tables().stream().mapToInt(t -> t.indexNames().size() + 1).sum();
        long attribute = layout.tables().stream().flatMap(t -> t.indexNames().stream()).filter(n -> n.startsWith("attr_")).count();
        fields.add("indexes", indexes + " (" + attribute + " attribute indexes, the rest keys and block indexes)");
    }

    static Map<String, Object> json(Layout layout, Namespace ns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tables", layout.tables().stream().map(t -> table(t)).toList());
        m.put("enumTypes", layout.enums().stream().map(e -> enumType(e, ns)).toList());
        m.put("fulltext", layout.tables().stream().flatMap(t -> t.fulltext().stream().map(f -> fulltext(t, f))).toList());
        m.put("aggregations", layout.aggregations().stream().map(LayoutSummary::aggregation).toList());
        return m;
    }

    private static Map<String, Object> table(EntityTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", t.entityType());
        m.put("table", t.name());
        m.put("immutable", t.immutable());
        m.put("columns", t.allColumns().stream().map(c -> c.name()).toList());
        m.put("indexes", t.indexNames());
        return m;
    }

    private static Map<String, Object> enumType(EnumType e, Namespace ns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enum", e.graphqlName());
        m.put("type", e.qualifiedName(ns));
        m.put("values", e.values());
        return m;
    }

    private static Map<String, Object> fulltext(EntityTable t, FulltextColumn f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.fulltextName());
        m.put("table", t.name());
        m.put("column", f.name());
        m.put("language", f.language());
        m.put("algorithm", f.algorithm());
        m.put("fields", f.fields().stream().map(c -> c.name()).toList());
        return m;
    }

    private static Map<String, Object> aggregation(Aggregation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aggregation", a.name());
        m.put("source", a.source());
        m.put("tables", a.tables().stream().map(EntityTable::name).toList());
        m.put("dimensions", a.dimensions().stream().map(c -> c.name()).toList());
        m.put("aggregates", a.aggregates().stream().map(g -> Map.of("column", g.column().name(),
                "fn", g.fn().label(), "cumulative", g.cumulative())).toList());
        return m;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
