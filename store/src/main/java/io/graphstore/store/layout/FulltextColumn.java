package io.graphstore.store.layout;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code @fulltext} search column of an entity table: a {@code tsvector} that PostgreSQL
 * computes from the included String fields whenever a row is written (a stored generated
 * column), with a GIN index. graph-node computes the same value in its insert statement,
 * {@code to_tsvector(language, field1) || to_tsvector(language, field2)} over the non-null
 * fields; as a generated column every writer, copy and replay gets it right without code.
 *
 * @param fulltextName the directive's {@code name} ({@code bandSearch}), the GraphQL query field
 * @param name         the column name ({@code band_search})
 * @param language     the PostgreSQL text search configuration ({@code english})
 * @param algorithm    {@code rank} or {@code proximityRank}: how a query orders matches
 * @param fields       the included String columns
 */
public record FulltextColumn(String fulltextName, String name, String language, String algorithm, List<Column> fields) {
    public FulltextColumn {
        fields = List.copyOf(fields);
    }

    /** {@code "band_search"} */
    public String quotedName() {
        return '"' + name + '"';
    }

    /** The column definition: {@code "search" tsvector generated always as (...) stored}. */
    String ddl() {
        String value = fields.stream()
                .map(f -> "to_tsvector('" + language + "'::regconfig, coalesce(" + f.quotedName() + ", ''))")
                .collect(Collectors.joining(" || "));
        return quotedName() + " tsvector generated always as (" + value + ") stored";
    }
}
