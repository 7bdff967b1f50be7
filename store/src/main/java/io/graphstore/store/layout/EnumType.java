package io.graphstore.store.layout;

import io.graphstore.store.domain.Namespace;
import io.graphstore.store.internal.Sql;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A GraphQL {@code enum} of the schema, stored as a PostgreSQL enum type in the deployment's
 * namespace, as graph-node does: {@code enum TokenKind { ERC20, ERC721 }} becomes
 * {@code create type sgd3."token_kind" as enum ('ERC20', 'ERC721')}, with the values sorted
 * as graph-node sorts them (so {@code order by} orders them alphabetically).
 *
 * @param graphqlName the enum's GraphQL name ({@code TokenKind})
 * @param sqlName     the type's SQL name ({@code token_kind})
 * @param values      the declared values, sorted
 */
public record EnumType(String graphqlName, String sqlName, List<String> values) {
    public EnumType {
        values = List.copyOf(values);
    }

    /** {@code sgd3."token_kind"} */
    public String qualifiedName(Namespace ns) {
        return ns.value() + "." + Sql.ident(sqlName);
    }

    /** The {@code create type} statement in {@code ns}. */
    public String createStatement(Namespace ns) {
        return "create type " + qualifiedName(ns) + " as enum ("
                + values.stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
    }
}
