package io.graphstore.store.layout;

import graphql.language.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps SQL names unique within one scope: tables and their indexes in a namespace (they
 * share PostgreSQL's relation names), or the columns of one table.
 */
final class NameCheck {
    private record Claim(String subject, Node<?> node) {
    }

    private final String source;
    private final Map<String, Claim> claimed = new HashMap<>();

    NameCheck(String source) {
        this.source = source;
    }

    /** Claims {@code name} for {@code subject} declared at {@code node}, or rejects the second claim. */
    void claim(String name, Node<?> node, String subject) {
        Claim earlier = claimed.putIfAbsent(name, new Claim(subject, node));
        if (earlier != null) {
            throw SchemaErrors.at(source, node, subject + " maps to SQL name '" + name + "', as does "
                    + earlier.subject() + " at " + SchemaErrors.lineColumn(earlier.node()) + "; rename one of them");
        }
    }

    /** Claims the index and constraint names of {@code table}, which must not be a table's name. */
    void claimIndexes(EntityTable table) {
        for (String index : table.indexNames()) {
            Claim earlier = claimed.putIfAbsent(index, new Claim("index of table '" + table.name() + "'", null));
            if (earlier != null) {
                throw SchemaErrors.at(source, earlier.node(), earlier.subject() + " maps to table '" + index
                        + "', which is the name of an index of table '" + table.name() + "'; rename the type");
            }
        }
    }
}
