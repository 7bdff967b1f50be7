package io.graphstore.bench;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.layout.Column;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.shard.DeploymentData;
import io.graphstore.store.synthetic.SyntheticIndexer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyManager;
import org.postgresql.PGConnection;

/**
 * Entity versions written per second by {@code transact} (the synthetic workload: creates,
 * updates, deletes and reorgs, block by block) against a raw binary COPY of the very rows
 * transact left behind into an identical empty table of another deployment. Three workloads:
 * the token sample (two mutable types and an immutable one), and one event type of the
 * exchange schema written once immutable ({@code block$}, creates only) and once mutable
 * ({@code block_range}, with updates and deletes), with the same fields and attribute indexes.
 */
final class TransactBench {

    /** One event type, like the exchange schema's Swap, that the two last workloads write. */
    private static final String EVENTS = """
            type Swap @entity%s {
              id: ID!
              timestamp: Timestamp!
              pool: Bytes!
              sender: Bytes!
              amount0: BigDecimal!
              amount1: BigDecimal!
              amountUSD: BigDecimal!
              sqrtPriceX96: BigInt!
              tick: Int!
              logIndex: Int8!
            }
            """;

    static List<Result> run(int blocks, int changesPerBlock) throws Exception {
        return List.of(run("transact_write", schema(), blocks, changesPerBlock),
                run("transact_immutable", EVENTS.formatted("(immutable: true)"), blocks, changesPerBlock),
                run("transact_mutable", EVENTS.formatted(""), blocks, changesPerBlock));
    }

    private static Result run(String bench, String schema, int blocks, int changesPerBlock) throws Exception {
        try (BenchCluster cluster = new BenchCluster(List.of("primary"))) {
            ShardedStore store = cluster.open();
            Site written = deploy(store, "bench/transact", SiteResolutionBench.hash(1), schema);
            Site copied = deploy(store, "bench/copy", SiteResolutionBench.hash(2), schema);
            DeploymentData data = store.deployments().data(written);

            long start = System.nanoTime();
            new SyntheticIndexer(data, 1, changesPerBlock).run(blocks, b -> { });
            double transactSeconds = (System.nanoTime() - start) / 1e9;

            long versions = 0;
            double copySeconds = 0;
            try (Connection c = store.primary().connect()) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (EntityTable t : data.layout().tables()) {
                    String cols = t.blockColumn() + ", " + t.allColumns().stream().map(Column::quotedName)
                            .collect(Collectors.joining(", "));
                    ByteArrayOutputStream rows = new ByteArrayOutputStream();
                    copy.copyOut("copy (select " + cols + " from " + t.qualifiedName(written.namespace())
                            + ") to stdout (format binary)", rows);
                    versions += count(c, t.qualifiedName(written.namespace()));
                    long s = System.nanoTime();
                    copy.copyIn("copy " + t.qualifiedName(copied.namespace()) + " (" + cols
                            + ") from stdin (format binary)", new ByteArrayInputStream(rows.toByteArray()));
                    copySeconds += (System.nanoTime() - s) / 1e9;
                }
            }
            return new Result(bench, "entity versions/s", versions / transactSeconds,
                    "raw binary COPY of the same rows into the same table", versions / copySeconds,
                    Map.of("blocks", blocks, "changes_per_block", changesPerBlock, "versions", versions,
                            "tables", data.layout().tables().size()));
        }
    }

    private static Site deploy(ShardedStore store, String name, io.graphstore.store.domain.DeploymentHash hash,
            String schema) {
        return new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of(name), hash, schema,
                "token.graphql", Optional.empty(), Optional.of(NodeId.DEFAULT))).site();
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String schema() throws IOException {
        try (InputStream in = TransactBench.class.getResourceAsStream("/samples/token.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
