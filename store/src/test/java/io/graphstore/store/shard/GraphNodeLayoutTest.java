package io.graphstore.store.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.admin.SyntheticChain;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.layout.Layout;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tables a schema becomes in PostgreSQL, read back from the catalog, and how transact
 * treats immutable entities, enums, timestamps and fulltext columns.
 */
@MultiShard({"primary"})
class GraphNodeLayoutTest {
    private static final String SCHEMA = """
            enum Side { SELL, BUY }
            type _Schema_ @fulltext(name: "poolSearch", language: fr, algorithm: proximityRank,
                include: [{entity: "Pool", fields: [{name: "name"}, {name: "symbol"}]}])
            type Pool @entity {
              id: Bytes!
              name: String!
              symbol: String
              token0Price: BigDecimal!
              tags: [String!]!
              sides: [Side!]
              createdAt: Timestamp!
              swaps: [Swap!]! @derivedFrom(field: "pool")
            }
            type Swap @entity(immutable: true) {
              id: ID!
              pool: Pool!
              side: Side!
              amount: BigInt!
              at: Timestamp!
              note: String @deprecated(reason: "unused")
            }
            """;
    private static int counter = 700;

    private static DeploymentData deploy(TestShards shards) {
        int n = counter++;
        var result = new DeploymentAdmin(shards.store()).deploy(new DeployRequest(SubgraphName.of("layout/t" + n),
                Samples.hash(n), SCHEMA, "pools.graphql", Optional.empty(), Optional.of(NodeId.DEFAULT)));
        return shards.store().deployments().data(result.site());
    }

    private static Map<String, Object> pool(String name, String symbol) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("symbol", symbol);
        m.put("token0Price", new java.math.BigDecimal("1.5"));
        m.put("tags", List.of("a"));
        m.put("sides", List.of("BUY"));
        m.put("createdAt", SyntheticChain.timestamp(1));
        return m;
    }

    private static Map<String, Object> swap(String side) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pool", "0x01");
        m.put("side", side);
        m.put("amount", 5L);
        m.put("at", SyntheticChain.timestamp(2));
        m.put("note", null);
        return m;
    }

    @Test
    void theCatalogShowsGraphNodesColumnsTypesAndIndexes(TestShards shards) throws Exception {
        DeploymentData data = deploy(shards);
        String ns = data.site().namespace().value();
        assertThat(rows(shards, "select table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable"
                + " from information_schema.columns where table_schema = '" + ns + "' order by table_name, ordinal_position"))
                .containsExactly(
                        "pool.vid int8 NO", "pool.block_range int4range NO", "pool.id bytea NO", "pool.name text NO",
                        "pool.symbol text YES", "pool.token_0_price numeric NO", "pool.tags _text NO",
                        "pool.sides _side YES", "pool.created_at timestamptz NO", "pool.pool_search tsvector YES",
                        "swap.vid int8 NO", "swap.block$ int4 NO", "swap.id text NO", "swap.pool bytea NO",
                        "swap.side side NO", "swap.amount numeric NO", "swap.at timestamptz NO", "swap.note text YES");
        assertThat(rows(shards, "select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e"
                + " join pg_type t on t.oid = e.enumtypid join pg_namespace n on n.oid = t.typnamespace"
                + " where n.nspname = '" + ns + "' group by t.typname")).containsExactly("BUY,SELL");
        assertThat(rows(shards, "select indexname || ': ' || replace(indexdef, '" + ns + ".', '') from pg_indexes"
                + " where schemaname = '" + ns + "' and indexname like 'attr%' order by indexname")).containsExactly(
                "attr_0_0_pool_id: CREATE INDEX attr_0_0_pool_id ON pool USING btree (id)",
                "attr_0_1_pool_name: CREATE INDEX attr_0_1_pool_name ON pool USING btree (\"left\"(name, 256))",
                "attr_0_2_pool_symbol: CREATE INDEX attr_0_2_pool_symbol ON pool USING btree (\"left\"(symbol, 256))",
                "attr_0_3_pool_token_0_price: CREATE INDEX attr_0_3_pool_token_0_price ON pool USING btree (token_0_price)",
                "attr_0_4_pool_tags: CREATE INDEX attr_0_4_pool_tags ON pool USING gin (tags)",
                "attr_0_5_pool_created_at: CREATE INDEX attr_0_5_pool_created_at ON pool USING btree (created_at)",
                "attr_0_6_pool_pool_search: CREATE INDEX attr_0_6_pool_pool_search ON pool USING gin (pool_search)",
                "attr_1_0_swap_pool: CREATE INDEX attr_1_0_swap_pool ON swap USING btree (pool, \"block$\")",
                "attr_1_1_swap_side: CREATE INDEX attr_1_1_swap_side ON swap USING btree (side)",
                "attr_1_2_swap_amount: CREATE INDEX attr_1_2_swap_amount ON swap USING btree (amount)",
                "attr_1_3_swap_at: CREATE INDEX attr_1_3_swap_at ON swap USING btree (at)",
                "attr_1_4_swap_note: CREATE INDEX attr_1_4_swap_note ON swap USING btree (\"left\"(note, 256))");
        assertThat(rows(shards, "select indexname from pg_indexes where schemaname = '" + ns + "' and tablename = 'swap'"
                + " and indexname not like 'attr%' order by 1")).containsExactly("swap_block", "swap_id_key", "swap_pkey");
    }

    @Test
    void anImmutableEntityIsWrittenOnceAndRevertedByItsBlock(TestShards shards) {
        DeploymentData data = deploy(shards);
        data.transact(SyntheticChain.block(1), List.of(EntityChange.set("Pool", "0x01", pool("Alpha", "A"))));
        Head head = data.transact(SyntheticChain.block(2), List.of(EntityChange.set("Swap", "s1", swap("BUY"))));
        assertThat(head.entityCount()).isEqualTo(2);
        assertThatThrownBy(() -> data.transact(SyntheticChain.block(3), List.of(EntityChange.set("Swap", "s1", swap("SELL")))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Swap is immutable, so entity 's1' written at block 2 cannot be changed at block 3;"
                        + " write each immutable entity once, or make the type mutable");
        assertThatThrownBy(() -> data.transact(SyntheticChain.block(3), List.of(EntityChange.delete("Swap", "s1"))))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("Swap is immutable, so entity 's1' cannot be deleted");
        assertThat(data.head().number()).contains(2);
        assertThat(data.get("Swap", "s1", 1)).isEmpty();
        assertThat(data.get("Swap", "s1", 2)).map(m -> m.get("side")).contains("BUY");
        assertThat(data.get("Swap", "s1", 900)).map(m -> m.get("at")).contains(SyntheticChain.timestamp(2));

        head = data.revert(SyntheticChain.block(1));
        assertThat(head.entityCount()).isEqualTo(1);
        assertThat(data.get("Swap", "s1", 2)).isEmpty();
        data.transact(SyntheticChain.block(2), List.of(EntityChange.set("Swap", "s1", swap("SELL"))));
        assertThat(data.get("Swap", "s1", 2)).map(m -> m.get("side")).contains("SELL");
    }

    @Test
    void anEnumTakesOnlyItsValuesAndTheFulltextColumnFollowsEveryWrite(TestShards shards) throws Exception {
        DeploymentData data = deploy(shards);
        assertThatThrownBy(() -> data.transact(SyntheticChain.block(1), List.of(EntityChange.set("Swap", "s1", swap("HOLD")))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Swap.side: 'HOLD' is not a value of enum Side (BUY, SELL); values are case-sensitive");
        data.transact(SyntheticChain.block(1), List.of(EntityChange.set("Pool", "0x01", pool("Les chevaux", "CHV"))));
        String ns = data.site().namespace().value();
        String match = "select count(*) from " + ns + ".pool where pool_search @@ to_tsquery('french', '%s')"
                + " and upper_inf(block_range)";
        assertThat(rows(shards, match.formatted("cheval"))).containsExactly("1");
        data.transact(SyntheticChain.block(2), List.of(EntityChange.set("Pool", "0x01", pool("Les maisons", null))));
        assertThat(rows(shards, match.formatted("cheval"))).containsExactly("0");
        assertThat(rows(shards, match.formatted("maison"))).containsExactly("1");
        assertThat(rows(shards, match.formatted("chv"))).containsExactly("0");
    }

    @Test
    void directivesThatShapeNothingAreWarnedAboutByNameAndPlace() {
        Layout layout = Layout.parse("""
                enum Kind @entity { A }
                type Pool @entity @regularPolling {
                  id: ID
                  name: String! @deprecated(reason: "x")
                  kind: Kind
                }
                """, "m.graphql");
        assertThat(layout.warnings()).containsExactly(
                "m.graphql:1:11: directive @entity on type 'Kind' (enum) is ignored; it only has an effect on object",
                "m.graphql:2:19: directive @regularPolling on type 'Pool' is not used by graph-store (nor by graph-node);"
                        + " it has no effect on the tables",
                "m.graphql:4:17: directive @deprecated on field Pool.name is not used by graph-store (nor by graph-node);"
                        + " it has no effect on the tables");
        assertThat(layout.require("Pool").id().nullable()).as("a nullable 'id: ID' is taken, as graph-node takes it").isFalse();
    }

    private static List<String> rows(TestShards shards, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = shards.connect(ShardName.PRIMARY); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
