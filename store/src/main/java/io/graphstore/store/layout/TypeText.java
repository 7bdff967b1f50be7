package io.graphstore.store.layout;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;

/** A GraphQL type reference as written in SDL: {@code [Token!]!}. */
final class TypeText {
    private TypeText() {
    }

    static String of(Type<?> type) {
        if (type instanceof NonNullType nn) {
            return of(nn.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + of(list.getType()) + "]";
        }
        return type instanceof TypeName name ? name.getName() : String.valueOf(type);
    }
}
