package io.graphstore.store.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every schema graph-store cannot store is rejected with one line saying where and why. */
class LayoutRejectionTest {

    static Stream<Arguments> badSchemas() {
        return Stream.of(
                bad("a missing colon", "type Token @entity {\n  id: ID!\n  name String!\n}",
                        "s.graphql:3:8: invalid GraphQL syntax at 'String'; check this line and the one before it"),
                bad("a missing closing brace", "type Token @entity {\n  id: ID!\n",
                        "s.graphql:3:1: invalid GraphQL syntax: the schema ends too early; a closing '}' or a type may be missing"),
                bad("an unterminated string", "type Token @entity { id: ID!\n  x: \"abc\n}",
                        "s.graphql:2:6: invalid GraphQL syntax: 'token recognition error at: '\"abc\\n''"),
                bad("a type declared twice", "type Token @entity { id: ID! }\ntype Token @entity { id: ID! }",
                        "s.graphql:1:1: 'Token' type [@2:1] tried to redefine existing 'Token' type [@1:1]"),
                bad("no entity type", "type Token { id: ID! }\nenum Kind { A }",
                        "s.graphql: no type has the @entity directive; declare at least one, like 'type Token @entity { id: ID! }'"),
                bad("an empty schema", "  \n",
                        "s.graphql: the schema is empty; declare at least one type with @entity, like 'type Token @entity { id: ID! }'"),
                bad("an entity without id", "type A @entity { id: ID! }\n\ntype Token @entity { name: String! }",
                        "s.graphql:3:1: type 'Token' has no 'id' field; every @entity type needs one, of type ID!, String!, Bytes! or Int8!"),
                bad("an Int id", "type Token @entity {\n  id: Int!\n}",
                        "s.graphql:2:3: Token.id has type 'Int!'; an id must be ID!, String!, Bytes! or Int8!"),
                bad("a list id", "type Token @entity { id: [ID!]! }",
                        "s.graphql:1:22: Token.id has type '[ID!]!'; an id must be ID!, String!, Bytes! or Int8!"),
                bad("an undeclared type", "type Token @entity {\n  id: ID!\n  price: Money!\n}",
                        "s.graphql:3:3: Token.price has type 'Money', which is not declared in the schema; " + STORABLE),
                bad("a type without @entity", "type Money { v: Int }\ntype Token @entity { id: ID! price: [Money] }",
                        "s.graphql:2:30: Token.price has type 'Money', which is a type without @entity; " + STORABLE),
                bad("a union", "type A @entity { id: ID! }\nunion U = A\ntype Token @entity { id: ID! u: U }",
                        "s.graphql:3:30: Token.u has type 'U', which is a union; " + STORABLE),
                bad("a custom scalar", "scalar JSON\ntype Token @entity { id: ID! meta: JSON }",
                        "s.graphql:2:30: Token.meta has type 'JSON', which is a custom scalar; " + STORABLE),
                bad("a list of lists", "type Token @entity { id: ID! m: [[Int!]!]! }",
                        "s.graphql:1:30: Token.m is a list of lists, which cannot be stored; use a list of an entity type instead"),
                bad("interface implementers with different id types",
                        "interface I { id: ID! }\ntype A implements I @entity { id: ID! }\ntype B implements I @entity { id: Bytes! }\n"
                                + "type H @entity { id: ID! i: I }",
                        "s.graphql:4:26: H.i has interface type 'I', whose entities have ids of different types (A: ID, B: Bytes);"
                                + " give them one id type"),
                bad("two types with one table", "type TokenBalance @entity { id: ID! }\n\ntype Token_Balance @entity { id: ID! }",
                        "s.graphql:3:1: type 'Token_Balance' maps to SQL name 'token_balance', as does type 'TokenBalance' at 1:1;"
                                + " rename one of them"),
                bad("two fields with one column", "type Token @entity {\n  id: ID!\n  totalSupply: BigInt!\n  total_supply: BigInt!\n}",
                        "s.graphql:4:3: Token.total_supply maps to SQL name 'total_supply', as does Token.totalSupply at 3:3;"
                                + " rename one of them"),
                bad("a field mapping to id", "type Token @entity { id: ID! ID: String }",
                        "s.graphql:1:30: Token.ID maps to SQL name 'id', as does Token.id at 1:22; rename one of them"),
                bad("a field named vid", "type Token @entity { id: ID! vid: Int }",
                        "s.graphql:1:30: Token.vid maps to column 'vid', which every entity table uses for versions"
                                + " (vid, block_range); rename the field"),
                bad("a field mapping to block_range", "type Token @entity { id: ID! blockRange: String }",
                        "s.graphql:1:30: Token.blockRange maps to column 'block_range', which every entity table uses for"
                                + " versions (vid, block_range); rename the field"),
                bad("a type name too long", "type " + "T".repeat(64) + " @entity { id: ID! }",
                        "s.graphql:1:1: type '" + "T".repeat(64) + "' maps to table '" + "t".repeat(64)
                                + "', which has 64 characters; PostgreSQL allows 63, use a shorter name"),
                bad("a field name too long", "type Token @entity { id: ID! " + "aB".repeat(22) + ": Int }",
                        "s.graphql:1:30: Token." + "aB".repeat(22) + " maps to column '" + "a_b".repeat(22)
                                + "', which has 66 characters; PostgreSQL allows 63, use a shorter name"),
                bad("a table named like an index", "type Token @entity { id: ID! }\ntype TokenIdOpen @entity { id: ID! }",
                        "s.graphql:2:1: type 'TokenIdOpen' maps to table 'token_id_open', which is the name of an index"
                                + " of table 'token'; rename the type"),
                bad("an extended entity", "type Token @entity { id: ID! }\nextend type Token { x: Int }",
                        "s.graphql:2:1: 'extend type Token' is not supported for entity types; declare all fields in the type itself"));
    }

    private static final String STORABLE = "a stored field is one of ID, String, Int, Int8, BigInt, BigDecimal, Bytes,"
            + " Boolean, Timestamp, an enum, an @entity type or an interface, or a list of these";

    private static Arguments bad(String what, String schema, String message) {
        return Arguments.of(what, schema, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSchemas")
    void aSchemaGraphStoreCannotStoreIsBadInputOnOneLine(String what, String schema, String message) {
        assertThatThrownBy(() -> Layout.parse(schema, "s.graphql"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }
}
