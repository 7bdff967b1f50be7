package io.graphstore.bench;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.layout.Column;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.StoreOptions;
import java.sql.Connection;
import java.time.Duration;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Copying a deployment of {@code versions} entity versions from one server to another:
 * graph-store's copy (binary COPY streamed in resumable vid batches) against a raw
 * {@code COPY ... TO STDOUT | COPY ... FROM STDIN} pipe of the same tables, and against
 * graph-node's method ({@code INSERT ... SELECT} through postgres_fdw in vid batches, our FDW
 * transport run as graph-node runs it: one table after another on one connection, into tables
 * that have their indexes from the start, with graph-node's foreign server options and batch
 * target), each into its own empty copy on the second server. The pipe loads the bare tables
 * and then builds the same indexes, so all end with the same tables. A fourth copy runs
 * graph-store's engine with the FDW transport, which shows which transport should be the default.
 */
final class CopyBench {

    static List<Result> run(long versions) throws Exception {
        String rules = "[deployment]\n[[deployment.rule]]\nshard = \"src\"\nindexers = [\"default\"]\n";
        try (TwoServers servers = new TwoServers(List.of("primary", "src"), List.of("dst_gs", "dst_fdw", "dst_pipe", "dst_gs_fdw"))) {
            ShardedStore store = servers.open(rules);
            String schema = new String(CopyBench.class.getResourceAsStream("/samples/token.graphql").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            Site src = new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of("bench/copy"),
                    SiteResolutionBench.hash(7), schema, "token.graphql", Optional.empty(), Optional.of(NodeId.DEFAULT))).site();
            int head = fill(store, src, versions);
            CopyAdmin copies = new CopyAdmin(store);
            Site gs = copies.create("bench/copy", ShardName.of("dst_gs"), NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.COPY);
            Site fdw = copies.create("bench/copy", ShardName.of("dst_fdw"), NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.FDW);
            Site pipe = copies.create("bench/copy", ShardName.of("dst_pipe"), NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.COPY);
            Site gsFdw = copies.create("bench/copy", ShardName.of("dst_gs_fdw"), NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE,
                    Transport.FDW);

            warm(store, src);
            double pipeSeconds = pipe(store, src, pipe);
            double gsSeconds = timed(() -> new CopyRunner(store, gs, () -> false, p -> { }).run());
            // the other transport with everything else as graph-store runs it: which one is the default
            double gsFdwSeconds = timed(() -> new CopyRunner(store, gsFdw, () -> false, p -> { }).run());
            // graph-node's method as graph-node runs it with its defaults: foreign servers fetch 1000 rows at a
            // time (GRAPH_STORE_FDW_FETCH_SIZE), batches aim at 3 minutes (GRAPH_STORE_BATCH_TARGET_DURATION),
            // one table after another on one connection (GRAPH_STORE_BATCH_WORKERS=1), into tables that have
            // their id and block-range indexes from the start (graph-node postpones only attribute indexes)
            ShardedStore graphNode = servers.open(rules, StoreOptions.defaults()
                    .withCopyBatches(Duration.ofMinutes(3), 10_000_000).withCopyWorkers(1));
            graphNode.require(ShardName.of("dst_fdw")).jdbi().useHandle(h -> {
                h.execute("alter server shard_src options (set fetch_size '1000')");
                buildIndexes(h, store, src, fdw);
            });
            double fdwSeconds = timed(() -> new CopyRunner(graphNode, fdw, () -> false, p -> { }).run());
            Map<String, Object> params = Map.of("versions", versions, "head_block", head, "servers", 2);
            List<Result> results = new ArrayList<>();
            results.add(new Result("copy_vs_pipe", "versions/s", versions / gsSeconds,
                    "raw COPY TO STDOUT | COPY FROM STDIN of the same tables", versions / pipeSeconds, params));
            results.add(new Result("copy_vs_graph_node", "versions/s", versions / gsSeconds,
                    "INSERT ... SELECT through postgres_fdw in vid batches (graph-node's method)", versions / fdwSeconds, params));
            results.add(new Result("copy_transport", "versions/s", versions / gsSeconds,
                    "graph-store's copy with the fdw transport (INSERT ... SELECT, same workers and batches)",
                    versions / gsFdwSeconds, params));
            return results;
        }
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static double timed(Work w) throws Exception {
        long start = System.nanoTime();
        w.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Writes {@code versions} versions straight into the source tables (half accounts, a quarter each of the others). */
    private static int fill(ShardedStore store, Site src, long versions) throws Exception {
        long accounts = versions / 2;
        long tokens = versions / 4;
        long transfers = versions - accounts - tokens;
        int head = (int) (versions / 1000);
        String ns = src.namespace().value();
        try (Connection c = store.require(src.shard()).connect(); Statement s = c.createStatement()) {
            s.execute("insert into " + ns + ".account (block_range, id, balance) select"
                    + " case when g % 3 = 0 then int4range(g / 1000, g / 1000 + 5) else int4range(g / 1000, null) end,"
                    + " decode(lpad(to_hex(g), 16, '0'), 'hex'), g::numeric * 1000003 from generate_series(1, " + accounts + ") g");
            s.execute("insert into " + ns + ".token (block_range, id, name, symbol, decimals, total_supply, price, owner, tags,"
                    + " active, created_at, kind) select int4range(g / 500, null), 'tok-' || g, 'Token ' || g, 'T' || (g % 997),"
                    + " 18, g::numeric * 7919, (g % 1000) / 7.0, decode(lpad(to_hex(g % 1000 + 1), 16, '0'), 'hex'),"
                    + " array['a', 'b' || g], g % 2 = 0, to_timestamp(1600000000 + g), 'FUNGIBLE' from generate_series(1, " + tokens + ") g");
            s.execute("insert into " + ns + ".transfer (block$, id, token, \"from\", \"to\", amount, block) select"
                    + " g / 500, 'tr-' || g, 'tok-' || (g % 1000 + 1), decode(lpad(to_hex(g % 77), 16, '0'), 'hex'),"
                    + " decode(lpad(to_hex(g % 91), 16, '0'), 'hex'), g::numeric * 31, g / 500 from generate_series(1, " + transfers + ") g");
            s.execute("update subgraphs.head set block_number = " + head + ", block_hash = '\\x00', entity_count = "
                    + "(select count(*) from " + ns + ".account where upper_inf(block_range)) + " + (tokens + transfers)
                    + " where id = " + src.id().value());
            s.execute("analyze " + ns + ".account");
        }
        return head;
    }

    /** Reads every source table once, so no contender pays for a cold cache the others do not. */
    private static void warm(ShardedStore store, Site src) throws Exception {
        try (Connection c = store.require(src.shard()).connect(); Statement s = c.createStatement()) {
            for (EntityTable t : store.deployments().data(src).layout().tables()) {
                s.executeQuery("select count(*), sum(length(x::text)) from " + t.qualifiedName(src.namespace()) + " x").close();
            }
        }
    }

    private static void buildIndexes(org.jdbi.v3.core.Handle h, ShardedStore store, Site src, Site dst) {
        for (EntityTable t : store.deployments().data(src).layout().tables()) {
            t.indexStatements(dst.namespace()).forEach(h::execute);
        }
    }

    /**
     * The baseline: every table streamed whole, binary, with no batching, progress or transform,
     * into the bare tables; then the same secondary indexes built, so it ends where a copy does.
     */
    private static double pipe(ShardedStore store, Site src, Site dst) throws Exception {
        var layout = store.deployments().data(src).layout();
        long start = System.nanoTime();
        try (Connection from = store.require(src.shard()).connect(); Connection to = store.require(dst.shard()).connect()) {
            for (EntityTable t : layout.tables()) {
                String cols = "vid, " + t.blockColumn() + ", " + t.allColumns().stream().map(Column::quotedName).collect(Collectors.joining(", "));
                CopyOut out = from.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("copy (select " + cols + " from " + t.qualifiedName(src.namespace()) + ") to stdout (format binary)");
                CopyIn in = to.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + t.qualifiedName(dst.namespace()) + " (" + cols + ") from stdin (format binary)");
                byte[] chunk;
                while ((chunk = out.readFromCopy()) != null) {
                    in.writeToCopy(chunk, 0, chunk.length);
                }
                in.endCopy();
            }
        }
        store.require(dst.shard()).jdbi().useHandle(h -> buildIndexes(h, store, src, dst));
        return (System.nanoTime() - start) / 1e9;
    }
}
