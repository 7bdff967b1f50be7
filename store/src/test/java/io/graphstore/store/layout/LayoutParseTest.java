package io.graphstore.store.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.store.domain.Namespace;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayoutParseTest {
    private static final Namespace NS = Namespace.parse("sgd3");

    private static final EnumType TOKEN_KIND = new EnumType("TokenKind", "token_kind", List.of("FUNGIBLE", "NON_FUNGIBLE"));

    private static Column col(String type, String field, String name, ColumnType t, boolean list, boolean nullable) {
        return new Column(type, field, name, t, list, nullable, Optional.empty(),
                t == ColumnType.ENUM ? Optional.of(TOKEN_KIND) : Optional.empty());
    }

    private static Column ref(String type, String field, String name, ColumnType t, boolean list, boolean nullable, String target) {
        return new Column(type, field, name, t, list, nullable, Optional.of(target));
    }

    @Test
    void theTokenSampleHasOneTablePerEntityInDeclarationOrder() {
        Layout layout = Samples.token();
        assertThat(layout.tables()).extracting(EntityTable::entityType).containsExactly("Token", "Account", "Transfer");
        assertThat(layout.tables()).extracting(EntityTable::name).containsExactly("token", "account", "transfer");
        assertThat(layout.table("TokenKind")).isEmpty();
    }

    @Test
    void tokenColumnsHaveTheirTypesNullabilityAndReferences() {
        EntityTable token = Samples.token().require("Token");
        assertThat(token.id()).isEqualTo(col("Token", "id", "id", ColumnType.ID, false, false));
        assertThat(token.columns()).containsExactly(
                col("Token", "name", "name", ColumnType.STRING, false, false),
                col("Token", "symbol", "symbol", ColumnType.STRING, false, false),
                col("Token", "decimals", "decimals", ColumnType.INT, false, false),
                col("Token", "totalSupply", "total_supply", ColumnType.BIG_INT, false, false),
                col("Token", "price", "price", ColumnType.BIG_DECIMAL, false, true),
                ref("Token", "owner", "owner", ColumnType.BYTES, false, false, "Account"),
                col("Token", "tags", "tags", ColumnType.STRING, true, false),
                col("Token", "active", "active", ColumnType.BOOLEAN, false, false),
                col("Token", "createdAt", "created_at", ColumnType.TIMESTAMP, false, false),
                col("Token", "kind", "kind", ColumnType.ENUM, false, false));
        assertThat(token.columns()).extracting(c -> c.sqlType(NS)).containsExactly(
                "text", "text", "int4", "numeric", "numeric", "bytea", "text[]", "boolean", "timestamptz",
                "sgd3.\"token_kind\"");
        assertThat(token.allColumns()).first().isEqualTo(token.id());
        assertThat(token.column("totalSupply")).map(Column::name).contains("total_supply");
        assertThat(token.column("id")).contains(token.id());
        assertThat(token.column("total_supply")).isEmpty();
    }

    @Test
    void referencesTakeTheTargetsIdTypeAndDerivedFieldsAreNotStored() {
        Layout layout = Samples.token();
        EntityTable account = layout.require("Account");
        assertThat(account.id().type()).isEqualTo(ColumnType.BYTES);
        assertThat(account.columns()).containsExactly(col("Account", "balance", "balance", ColumnType.BIG_INT, false, false));
        assertThat(account.column("tokens")).isEmpty();
        assertThat(layout.require("Transfer").columns()).containsExactly(
                ref("Transfer", "token", "token", ColumnType.ID, false, false, "Token"),
                ref("Transfer", "from", "from", ColumnType.BYTES, false, true, "Account"),
                ref("Transfer", "to", "to", ColumnType.BYTES, false, true, "Account"),
                col("Transfer", "amount", "amount", ColumnType.BIG_INT, false, false),
                col("Transfer", "block", "block", ColumnType.INT8, false, false));
    }

    @Test
    void everyIdTypeAndListsOfReferencesAreStored() {
        Layout layout = Layout.parse("""
                type A @entity { id: String! bs: [B!] cs: [C]! }
                type B @entity { id: Int8! }
                type C @entity { id: Bytes! }
                """, "ids.graphql");
        assertThat(layout.tables()).extracting(t -> t.id().sqlType(NS)).containsExactly("text", "int8", "bytea");
        assertThat(layout.require("A").columns()).containsExactly(
                ref("A", "bs", "bs", ColumnType.INT8, true, true, "B"),
                ref("A", "cs", "cs", ColumnType.BYTES, true, false, "C"));
        assertThat(layout.require("A").columns()).extracting(c -> c.sqlType(NS)).containsExactly("int8[]", "bytea[]");
    }

    @Test
    void nonEntityTypesDirectivesAndDeclaredScalarsAreIgnored() {
        Layout layout = Layout.parse("""
                directive @entity(immutable: Boolean) on OBJECT
                scalar BigInt
                type _Schema_ @fulltext(name: "search", language: en, algorithm: rank,
                    include: [{entity: "Pool", fields: [{name: "name"}]}])
                type Plain { x: Int }
                interface Named { id: ID! name: String! }
                type Pool implements Named @entity(immutable: true, timeseries: false) {
                  id: ID!
                  name: String!
                  liquidity: BigInt!
                }
                """, "pool.graphql");
        assertThat(layout.tables()).extracting(EntityTable::entityType).containsExactly("Pool");
        assertThat(layout.require("Pool").columns()).extracting(Column::name).containsExactly("name", "liquidity");
        assertThat(layout.require("Pool").fulltext()).extracting(FulltextColumn::name).containsExactly("search");
    }

    @Test
    void aFieldOfInterfaceTypeTakesTheImplementersIdTypeAndReferencesTheInterface() {
        Layout layout = Layout.parse("""
                interface Asset { id: Bytes! }
                interface Unused { id: ID! }
                type Coin implements Asset @entity { id: Bytes! }
                type Nft implements Asset @entity { id: Bytes! }
                type Holder @entity { id: ID! asset: Asset! assets: [Asset!]! other: Unused }
                """, "assets.graphql");
        assertThat(layout.require("Holder").columns()).containsExactly(
                ref("Holder", "asset", "asset", ColumnType.BYTES, false, false, "Asset"),
                ref("Holder", "assets", "assets", ColumnType.BYTES, true, false, "Asset"),
                ref("Holder", "other", "other", ColumnType.ID, false, true, "Unused"));
    }

    @Test
    void namesAreTheSnakeCaseGraphNodeGivesThem() {
        // expectations worked out by hand from the Inflector crate's to_snake_case, which graph-node uses
        assertThat(List.of("TokenBalance", "totalSupply", "tokenID", "IDToken", "tokenIDs", "ERC20Token",
                "HTTPServer", "token_balance", "Token_Balance", "_private", "x2y", "ABC", "createdAtBlock",
                "token0Price", "sqrtPriceX96", "feeGrowthGlobal0X128", "GRTinETH", "a__b", "foo_"))
                .map(SqlNames::snakeCase)
                .containsExactly("token_balance", "total_supply", "token_id", "id_token", "token_i_ds", "erc20_token",
                        "http_server", "token_balance", "token_balance", "private", "x_2y", "abc", "created_at_block",
                        "token_0_price", "sqrt_price_x96", "fee_growth_global_0x128", "gr_tin_eth", "a_b", "foo");
    }

    @Test
    void requireNamesTheUnknownTypeAndTheKnownOnes() {
        assertThatThrownBy(() -> Samples.token().require("token"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("entity type 'token' is not in the schema (known: Account, Token, Transfer);"
                        + " names are case-sensitive and only @entity types have tables");
    }

    @Test
    void createStatementsBuildTheTableTheExclusionConstraintAndBothIndexes() {
        Layout layout = Layout.parse("type TokenBalance @entity { id: Bytes! from: String! amount: [BigInt] }", "tb.graphql");
        Namespace ns = Namespace.parse("sgd3");
        assertThat(layout.require("TokenBalance").qualifiedName(ns)).isEqualTo("sgd3.token_balance");
        assertThat(layout.createStatements(ns)).containsExactly("""
                create table sgd3.token_balance (
                    vid bigserial primary key,
                    block_range int4range not null,
                    id bytea not null,
                    "from" text not null,
                    "amount" numeric[]
                )""",
                "create index if not exists token_balance_id_block on sgd3.token_balance (id, lower(block_range))",
                "create unique index if not exists token_balance_id_open on sgd3.token_balance (id) where upper_inf(block_range)",
                "create index if not exists token_balance_block_range_brin on sgd3.token_balance using brin"
                        + " (lower(block_range), coalesce(upper(block_range), 2147483647), vid)",
                "create index if not exists attr_0_0_token_balance_id on sgd3.token_balance using btree (\"id\")",
                "create index if not exists attr_0_1_token_balance_from on sgd3.token_balance using btree (left(\"from\", 256))");
    }

    @Test
    void longTableNamesGetShortDistinctIndexNames() {
        String a = "A".repeat(60) + "Xa";
        String b = "A".repeat(60) + "Xb";
        Layout layout = Layout.parse("type " + a + " @entity { id: ID! } type " + b + " @entity { id: ID! }", "long.graphql");
        EntityTable ta = layout.require(a);
        EntityTable tb = layout.require(b);
        assertThat(ta.name()).hasSize(63);
        List<String> names = List.of(ta.idIndexName(), ta.openIndexName(), ta.blockRangeIndexName(),
                tb.idIndexName(), tb.openIndexName(), tb.blockRangeIndexName());
        assertThat(names).allSatisfy(n -> assertThat(n).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9_]+")).doesNotHaveDuplicates();
        assertThat(ta.openIndexName()).endsWith("_id_open").startsWith("a".repeat(40));
        assertThat(Layout.parse("type " + a + " @entity { id: ID! }", "again.graphql").require(a).openIndexName())
                .isEqualTo(ta.openIndexName());
    }
}
