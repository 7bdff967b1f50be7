package io.graphstore.store.layout;

import static io.graphstore.store.layout.TableRows.comparable;
import static io.graphstore.store.layout.TableRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.ShardName;
import io.graphstore.store.domain.Namespace;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MultiShard({"primary"})
class LayoutDatabaseTest {
    private static final String EVERYTHING = """
            enum Color { RED GREEN }
            type Other @entity { id: Bytes! }
            type Thing @entity {
              id: ID!
              str: String, int: Int, int8: Int8, big: BigInt, dec: BigDecimal, bytes: Bytes, flag: Boolean,
              at: Timestamp, color: Color, other: Other
              strs: [String], ints: [Int], int8s: [Int8], bigs: [BigInt], decs: [BigDecimal], byteses: [Bytes],
              flags: [Boolean], ats: [Timestamp], colors: [Color], others: [Other!]
            }
            """;

    @Test
    void everyTypeAndListRoundTripsThroughTheDatabase(TestShards shards) throws SQLException {
        Layout layout = Layout.parse(EVERYTHING, "everything.graphql");
        Namespace ns = Namespace.parse("sgd1");
        EntityTable thing = layout.require("Thing");
        String tricky = "quote\" back\\slash, comma {brace} NULL 'single' ünïcode ✓\nnew line\ttab";
        Map<String, Object> full = row("id", tricky, "str", tricky, "int", Integer.MIN_VALUE, "int8", Long.MAX_VALUE,
                "big", BigInteger.TWO.pow(300).negate(), "dec", new BigDecimal("-12345678901234567890.000123"),
                "bytes", new byte[] {0, -1, 16}, "flag", true, "at", 1_700_000_000_123_456L, "color", "GREEN",
                "other", new byte[] {(byte) 0xab},
                "strs", Arrays.asList("a,b", "{x}", "\"q\"", "back\\slash", "NULL", "", " spaced ", null, "tab\tnl\n", tricky),
                "ints", Arrays.asList(1, null, Integer.MAX_VALUE), "int8s", List.of(-1L, 0L),
                "bigs", List.of(BigInteger.ZERO, BigInteger.TEN.pow(40)), "decs", List.of(new BigDecimal("0.10"), BigDecimal.ONE),
                "byteses", Arrays.asList(new byte[0], new byte[] {1, 2}, null), "flags", List.of(false, true),
                "ats", List.of(0L), "colors", List.of("RED", "GREEN"), "others", List.of(new byte[] {1}));
        Map<String, Object> empty = row("id", "", "strs", List.of(), "ints", List.of(), "int8s", List.of(), "bigs", List.of(),
                "decs", List.of(), "byteses", List.of(), "flags", List.of(), "ats", List.of(), "colors", List.of(), "others", List.of());
        Map<String, Object> nulls = row("id", "NULL");

        try (Connection c = shards.connect(ShardName.PRIMARY)) {
            TableRows.create(c, layout, ns);
            TableRows.insert(c, ns, thing, 1, List.of(full, empty, nulls));
            List<Map<String, Object>> read = TableRows.read(c, ns, thing);

            assertThat(read).hasSize(3);
            assertThat(comparable(read.get(0))).isEqualTo(comparable(full));
            for (Column col : thing.allColumns()) {
                assertThat(read.get(1).get(col.field())).as(col.field()).isEqualTo(empty.get(col.field()));
                assertThat(read.get(2).get(col.field())).as(col.field()).isEqualTo(nulls.get(col.field()));
            }
            assertThat(read.get(0).get("int")).isInstanceOf(Integer.class);
            assertThat(read.get(0).get("big")).isInstanceOf(BigInteger.class);
            assertThat((List<?>) read.get(0).get("byteses")).first().isInstanceOf(byte[].class);
        }
    }

    @Test
    void theTokenSampleStoresEntitiesWithReferencesAndKeywordColumns(TestShards shards) throws SQLException {
        Layout layout = Samples.token();
        Namespace ns = Namespace.parse("sgd2");
        String alice = "0x" + "a1".repeat(20);
        Map<String, Object> account = row("id", alice, "balance", BigInteger.valueOf(1000));
        Map<String, Object> token = row("id", "0xtoken", "name", "Graph \"Token\"", "symbol", "GRT", "decimals", 18,
                "totalSupply", new BigInteger("10000000000000000000000000000"), "price", new BigDecimal("0.1234"),
                "owner", alice, "tags", List.of("defi", "gov,ernance"), "active", true, "createdAt", 1_600_000_000_000_000L,
                "kind", "FUNGIBLE");
        Map<String, Object> transfer = row("id", "0xtx-0", "token", "0xtoken", "from", null, "to", alice,
                "amount", BigInteger.ONE, "block", 17L);

        try (Connection c = shards.connect(ShardName.PRIMARY)) {
            TableRows.create(c, layout, ns);
            TableRows.insert(c, ns, layout.require("Account"), 5, List.of(account));
            TableRows.insert(c, ns, layout.require("Token"), 5, List.of(token));
            TableRows.insert(c, ns, layout.require("Transfer"), 6, List.of(transfer));

            Object aliceBytes = comparable(TableRows.read(c, ns, layout.require("Account")).get(0).get("id"));
            assertThat(aliceBytes).isEqualTo(alice);
            assertThat(comparable(TableRows.read(c, ns, layout.require("Token")).get(0))).isEqualTo(comparable(token));
            assertThat(comparable(TableRows.read(c, ns, layout.require("Transfer")).get(0))).isEqualTo(comparable(transfer));
            assertThat(singleString(c, "select count(*) from sgd2.transfer t join sgd2.account a on a.id = t.\"to\"")).isEqualTo("1");
        }
    }

    @Test
    void aReadOfOneIdAtABlockUsesTheIdIndex(TestShards shards) throws SQLException {
        Layout layout = Samples.token();
        Namespace ns = Namespace.parse("sgd3");
        EntityTable account = layout.require("Account");
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement()) {
            TableRows.create(c, layout, ns);
            s.execute("insert into sgd3.account (block_range, id, balance) values (int4range(1, 5), '\\x01', 1)");
            s.execute("insert into sgd3.account (block_range, id, balance) values (int4range(5, null), '\\x01', 2)");
            s.execute("set enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (var rs = s.executeQuery("explain select balance from sgd3.account where id = '\\x01' and block_range @> 3")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            // the version index or graph-node's attribute index on id: both find the id's few versions
            assertThat(plan.toString()).containsAnyOf(account.idIndexName(), "attr_1_0_account_id");
            try (var rs = s.executeQuery("select balance from sgd3.account where id = '\\x01' and block_range @> 3")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void twoOpenVersionsOfOneIdAreRejectedByTheOpenIndex(TestShards shards) throws SQLException {
        Layout layout = Layout.parse("type Pool @entity { id: Int8! size: Int }", "pool.graphql");
        Namespace ns = Namespace.parse("sgd4");
        EntityTable pool = layout.require("Pool");
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement()) {
            TableRows.create(c, layout, ns);
            s.execute("insert into sgd4.pool (block_range, id) values (int4range(1, null), 7)");
            assertThatThrownBy(() -> s.execute("insert into sgd4.pool (block_range, id) values (int4range(9, null), 7)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"))
                    .hasMessageContaining(pool.openIndexName());
            s.execute("insert into sgd4.pool (block_range, id) values (int4range(9, null), 8)");
        }
    }

    @Test
    void closingAnOpenVersionUsesTheOpenIndexAndARevertAnIndexOnTheBounds(TestShards shards) throws SQLException {
        Layout layout = Samples.token();
        Namespace ns = Namespace.parse("sgd5");
        EntityTable token = layout.require("Token");
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement()) {
            TableRows.create(c, layout, ns);
            s.execute("set enable_seqscan = off");
            String close = explain(s, "update sgd5.token set block_range = int4range(lower(block_range), 9)"
                    + " where id = 'x' and upper_inf(block_range)");
            assertThat(close).contains(token.openIndexName());
            s.execute("set enable_indexscan = off");
            String revert = explain(s, "delete from sgd5.token where lower(block_range) >= 9");
            assertThat(revert).containsAnyOf(token.blockRangeIndexName(), token.idIndexName()).doesNotContain("Seq Scan");
        }
    }

    @Test
    void longNamesAndKeywordNamesCreateValidTables(TestShards shards) throws SQLException {
        String longType = "Very".repeat(10) + "LongName";
        Layout layout = Layout.parse("type " + longType + " @entity { id: ID! }\n"
                + "type Order @entity { id: String! from: Bytes, user: String, select: Int, group: [Order!] }", "kw.graphql");
        Namespace ns = Namespace.parse("sgd6");
        try (Connection c = shards.connect(ShardName.PRIMARY)) {
            TableRows.create(c, layout, ns);
            EntityTable order = layout.require("Order");
            TableRows.insert(c, ns, order, 1, List.of(row("id", "o1", "from", "0x01", "user", "u", "select", 1, "group", List.of("o1"))));
            assertThat(comparable(TableRows.read(c, ns, order).get(0)))
                    .isEqualTo(comparable(row("id", "o1", "from", "0x01", "user", "u", "select", 1, "group", List.of("o1"))));
            // per table the primary key and three version indexes; attribute indexes: the long one's id,
            // and Order's id, from, user, select and group
            assertThat(singleString(c, "select count(*) from pg_indexes where schemaname = 'sgd6'")).isEqualTo("14");
        }
    }

    private static String explain(Statement s, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("explain " + sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    private static String singleString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
