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
import io.graphstore.store.layout.Layout;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Copying a deployment laid out as graph-node lays it out (the exchange schema in
 * {@code bench/pools.graphql}: mutable Factory, Token, Pool and PoolDayData with block ranges
 * and version histories, immutable Swap, Mint and Burn with {@code block$}, an enum, a
 * Timestamp, and graph-node's attribute indexes on every table) from one server to another,
 * each contender into its own empty copy on the second server:
 * <ul>
 * <li>graph-store's copy as it runs by default;</li>
 * <li>graph-node's method ({@code store/postgres/src/copy.rs}), written out in
 * {@link GraphNodeCopy} apart from graph-store's copy code: {@code INSERT ... SELECT} through
 * postgres_fdw in adaptive vid batches, one table after another on one connection,
 * {@code fetch_size} 1000, into tables that have from the start every index graph-node does
 * not postpone; the btree attribute indexes (what {@code GRAPH_POSTPONE_ATTRIBUTE_INDEX_CREATION}
 * postpones; graph-node's default builds them before the data too) are built after the rows,
 * one after another;</li>
 * <li>a raw {@code COPY ... TO STDOUT | COPY ... FROM STDIN} pipe of each table into the bare
 * tables, then the same index builds, one after another on one connection.</li>
 * </ul>
 * With {@code -Dbench.copy.transport=true}, also graph-store's engine with the FDW transport.
 */
final class CopyBench {
    private static final ShardName SRC = ShardName.of("src");

    static List<Result> run(long versions) throws Exception {
        String rules = "[deployment]\n[[deployment.rule]]\nshard = \"src\"\nindexers = [\"default\"]\n";
        boolean transports = Boolean.getBoolean("bench.copy.transport");
        List<String> dsts = new ArrayList<>(List.of("dst_gs", "dst_gn", "dst_pipe"));
        if (transports) {
            dsts.add("dst_gs_fdw");
        }
        try (TwoServers servers = new TwoServers(List.of("primary", SRC.value()), dsts)) {
            ShardedStore store = servers.open(rules);
            String schema;
            try (var in = CopyBench.class.getResourceAsStream("/bench/pools.graphql")) {
                schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Site src = new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of("bench/copy"),
                    SiteResolutionBench.hash(7), schema, "pools.graphql", Optional.empty(), Optional.of(NodeId.DEFAULT))).site();
            Layout layout = store.deployments().data(src).layout();
            // generating millions of rows into indexed tables takes longer than the statement timeout
            Fill fill = io.graphstore.store.pool.LongStatements.allow(() -> {
                try {
                    return fill(store, src, layout, versions);
                } catch (Exception e) {
                    throw new IllegalStateException("filling the source failed", e);
                }
            });
            warm(store, src, layout);
            int rounds = Math.max(1, Integer.getInteger("bench.copy.rounds", 3));
            List<Round> done = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                System.err.println("bench: copy round " + r + " of " + rounds + " ...");
                done.add(round(servers, store, src, layout, fill, transports));
            }
            long indexes = layout.tables().stream().mapToLong(t -> t.indexStatements(src.namespace()).size()).sum();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("versions", fill.versions());
            params.put("tables", layout.tables().size());
            params.put("secondary_indexes", indexes);
            params.put("graph_node_indexes_before_data", done.get(0).early());
            params.put("head_block", fill.head());
            params.put("source_mb", fill.bytes() / (1024 * 1024));
            params.put("rounds", rounds);
            // each figure is the median of the rounds; the lists give every round, in order
            Map<String, java.util.function.ToDoubleFunction<Round>> figures = new LinkedHashMap<>();
            figures.put("graph_store_s", Round::gs);
            figures.put("graph_store_rows_in_s", Round::gsRowsIn);
            figures.put("graph_node_s", Round::gn);
            figures.put("pipe_s", x -> x.pipeCopy() + x.pipeIndex());
            figures.put("pipe_copy_s", Round::pipeCopy);
            figures.put("pipe_index_s", Round::pipeIndex);
            if (done.get(0).pipeCpu() >= 0) {
                // CPU seconds of both servers and the bench process while each contender ran
                figures.put("graph_store_cpu_s", Round::gsCpu);
                figures.put("graph_node_cpu_s", Round::gnCpu);
                figures.put("pipe_cpu_s", Round::pipeCpu);
            }
            figures.forEach((name, f) -> {
                params.put(name, round(median(done, f)));
                if (rounds > 1) {
                    params.put(name.replaceAll("_s$", "_rounds"), done.stream().map(x -> round(f.applyAsDouble(x))).toList());
                }
            });
            double v = fill.versions();
            double gs = median(done, Round::gs);
            List<Result> results = new ArrayList<>();
            results.add(new Result("copy_vs_graph_node", "versions/s", v / gs,
                    "INSERT ... SELECT through postgres_fdw in vid batches, one table at a time (graph-node's method)",
                    v / median(done, Round::gn), params));
            results.add(new Result("copy_vs_pipe", "versions/s", v / gs,
                    "raw COPY TO STDOUT | COPY FROM STDIN of each table, then the same index builds",
                    v / median(done, x -> x.pipeCopy() + x.pipeIndex()), params));
            if (transports) {
                results.add(new Result("copy_transport", "versions/s", v / gs,
                        "graph-store's copy with the fdw transport (INSERT ... SELECT, same workers and batches)",
                        v / median(done, Round::gsFdw), params));
            }
            return results;
        }
    }

    /** Seconds of one round's contenders (CPU seconds -1 where they cannot be read). */
    private record Round(double gs, double gsRowsIn, double gn, double pipeCopy, double pipeIndex, double gsFdw,
            double gsCpu, double gnCpu, double pipeCpu, long early) {
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /**
     * One round: each contender copies the source into a new copy of its own, one after another
     * (the pipe, graph-store, graph-node's method), then the round's copies are removed, so every
     * round starts from empty destinations.
     */
    private static Round round(TwoServers servers, ShardedStore store, Site src, Layout layout, Fill fill,
            boolean transports) throws Exception {
        CopyAdmin copies = new CopyAdmin(store);
        Site gs = copies.create("bench/copy", ShardName.of("dst_gs"), NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.COPY);
        Site gn = copies.create("bench/copy", ShardName.of("dst_gn"), NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.FDW);
        Site pipe = copies.create("bench/copy", ShardName.of("dst_pipe"), NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE, Transport.COPY);
        Site gsFdw = transports ? copies.create("bench/copy", ShardName.of("dst_gs_fdw"), NodeId.DEFAULT, 0,
                CopyAdmin.OnSync.NONE, Transport.FDW) : null;

        double cpu0 = servers.cpuSeconds();
        double[] pipePhases = pipe(store, layout, src, pipe);
        double cpu1 = servers.cpuSeconds();
        double[] loaded = new double[1];
        long start = System.nanoTime();
        new CopyRunner(store, gs, () -> false, p -> {
            if (!p.table().startsWith("indexing")) {
                loaded[0] = (System.nanoTime() - start) / 1e9;
            }
        }).run();
        double gsSeconds = (System.nanoTime() - start) / 1e9;
        double cpu2 = servers.cpuSeconds();
        double gsFdwSeconds = transports ? timed(() -> new CopyRunner(store, gsFdw, () -> false, p -> { }).run()) : 0;
        // graph-node's method with graph-node's defaults: foreign servers fetch 1000 rows at a time
        // (GRAPH_STORE_FDW_FETCH_SIZE), batches aim at 3 minutes (GRAPH_STORE_BATCH_TARGET_DURATION), one
        // table after another on one connection; the indexes it does not postpone exist before the data
        var gnShard = store.require(ShardName.of("dst_gn"));
        long early = gnShard.jdbi().withHandle(h -> {
            h.execute("alter server " + io.graphstore.store.fdw.MappedTables.server(SRC) + " options (set fetch_size '1000')");
            List<String> before = GraphNodeCopy.indexes(layout, gn, ddl -> !postponedByGraphNode(ddl));
            before.forEach(h::execute);
            return (long) before.size();
        });
        List<String> postponed = GraphNodeCopy.indexes(layout, gn, CopyBench::postponedByGraphNode);
        double cpuGn = servers.cpuSeconds();
        double gnSeconds = timed(() -> io.graphstore.store.pool.LongStatements.allow(() -> {
            try (Connection c = gnShard.connect()) {
                GraphNodeCopy.run(c, src, gn, layout, fill.head(), postponed);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("graph-node's method failed", e);
            }
            return null;
        }));
        double cpu3 = servers.cpuSeconds();
        for (EntityTable t : layout.tables()) {
            String count = "select count(*) from ";
            long copied = gnShard.jdbi().withHandle(h -> h.createQuery(count + t.qualifiedName(gn.namespace()))
                    .mapTo(Long.class).one());
            long there = store.require(SRC).jdbi().withHandle(h -> h.createQuery(count + t.qualifiedName(src.namespace())
                    + " where " + t.startBlock() + " <= " + fill.head()).mapTo(Long.class).one());
            if (copied != there) {
                throw new IllegalStateException("graph-node's method copied " + copied + " rows of " + t.entityType()
                        + ", the source has " + there);
            }
        }
        remove(store, gs, gsFdw, gn, pipe);
        boolean cpu = cpu0 >= 0;
        return new Round(gsSeconds, loaded[0], gnSeconds, pipePhases[0], pipePhases[1], gsFdwSeconds,
                cpu ? cpu2 - cpu1 : -1, cpu ? cpu3 - cpuGn : -1, cpu ? cpu1 - cpu0 : -1, early);
    }

    /** Removes a round's copies as an operator would: cancelled or unassigned, recorded unused, removed. */
    private static void remove(ShardedStore store, Site... sites) {
        CopyAdmin copies = new CopyAdmin(store);
        var assignments = new io.graphstore.store.admin.AssignmentAdmin(store);
        for (Site site : sites) {
            if (site == null) {
                continue;
            }
            String locator = site.namespace().value();
            if (copies.status(locator).finishedAt().isPresent()) {
                assignments.unassign(locator);
            } else {
                copies.cancel(locator);
            }
        }
        var unused = new io.graphstore.store.admin.UnusedAdmin(store);
        unused.record();
        var removal = io.graphstore.store.pool.LongStatements.allow(
                () -> unused.remove(Duration.ZERO, 100, Optional.empty()));
        if (removal.anyFailed() || removal.removed().size() != java.util.Arrays.stream(sites).filter(s -> s != null).count()) {
            throw new IllegalStateException("removing the round's copies left some: " + removal.skipped());
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }

    /**
     * What graph-node builds only after the data when {@code GRAPH_POSTPONE_ATTRIBUTE_INDEX_CREATION}
     * is set ({@code CreateIndex::to_postpone}): btree attribute indexes, except one on the id alone.
     */
    static boolean postponedByGraphNode(String ddl) {
        return ddl.contains(" attr_") && ddl.contains(" using btree ") && !ddl.endsWith("(id)") && !ddl.endsWith("(\"id\")");
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static double timed(Work w) throws Exception {
        long start = System.nanoTime();
        w.run();
        return (System.nanoTime() - start) / 1e9;
    }

    record Fill(long versions, int head, long bytes) {
    }

    /**
     * Writes about {@code versions} entity versions straight into the source tables: events
     * (Swap 55%, Mint 12%, Burn 10%) spread over the blocks, and histories of the mutable
     * entities (PoolDayData 15%, Pool 5%, Token 2%, Factory 1%), every version of an id closed
     * where its next one starts.
     */
    private static Fill fill(ShardedStore store, Site src, Layout layout, long versions) throws Exception {
        int head = (int) Math.max(1_000, versions / 200);
        long tokens = Math.max(10, versions / 500);
        long pools = Math.max(10, versions / 250);
        long poolDays = Math.max(10, versions / 30);
        String token = "decode(lpad(to_hex(%s), 40, '0'), 'hex')";
        String pool = "decode(lpad(to_hex(%s + 16777216), 40, '0'), 'hex')";
        String tokenOfPool0 = token.formatted("(%s) %% " + tokens);
        String tokenOfPool1 = token.formatted("((%s) * 7 + 1) %% " + tokens);
        try (Connection c = store.require(src.shard()).connect(); Statement s = c.createStatement()) {
            Filler f = new Filler(s, src, layout, head);
            // one version per block at most: the one factory's versions all start by the head
            f.mutable("Factory", Math.max(2, Math.min(versions / 100, head)), 1, Map.of(
                    "id", "'factory'", "poolCount", "ver::numeric", "txCount", "(ver * 31)::numeric",
                    "totalVolumeUSD", "ver * 1234.5678::numeric", "owner", "'\\x1f98431c8ad98523631ae4a59f267346ea31f984'::bytea"));
            f.mutable("Token", Math.max(20, versions / 50), tokens, Map.of(
                    "id", token.formatted("idx"), "symbol", "'T' || idx", "name", "'Token number ' || idx",
                    "decimals", "(18 - idx % 13)::int", "totalSupply", "(idx * 1000003 + ver)::numeric * 1000000000000",
                    "volume", "(g * 7.31)::numeric", "derivedETH", "(idx % 1000)::numeric / 997 + ver",
                    "txCount", "(ver * 13 + idx)::numeric"));
            f.mutable("Pool", Math.max(20, versions / 20), pools, Map.ofEntries(
                    Map.entry("id", pool.formatted("idx")), Map.entry("createdAt", "to_timestamp(1620000000 + idx * 60)"),
                    Map.entry("createdAtBlock", "idx"), Map.entry("token0", tokenOfPool0.formatted("idx")),
                    Map.entry("token1", tokenOfPool1.formatted("idx")),
                    Map.entry("feeTier", "(array['LOWEST', 'LOW', 'MEDIUM', 'HIGH'])[idx % 4 + 1]"),
                    Map.entry("liquidity", "g::numeric * 1000000007"),
                    Map.entry("sqrtPrice", "g::numeric * 79228162514264337593543950336 / 1000"),
                    Map.entry("tick", "(g % 887272 - 443636)::int"), Map.entry("token0Price", "g::numeric / 3.7"),
                    Map.entry("token1Price", "3.7 / g::numeric"), Map.entry("volumeUSD", "g::numeric * 123.45"),
                    Map.entry("txCount", "ver::numeric")));
            f.mutable("PoolDayData", Math.max(40, versions * 15 / 100), poolDays, Map.of(
                    "id", "encode(" + pool.formatted("idx % " + pools) + ", 'hex') || '-' || (18700 + idx / " + pools + ")",
                    "date", "(18700 + idx / " + pools + ")::int", "pool", pool.formatted("idx % " + pools),
                    "liquidity", "g::numeric * 1000000007", "volumeUSD", "g::numeric * 17.5", "feesUSD", "g::numeric * 0.0525",
                    "open", "(g % 5000)::numeric / 7", "close", "(g % 4999)::numeric / 7", "txCount", "ver::numeric"));
            long swaps = versions * 55 / 100;
            long mints = versions * 12 / 100;
            long burns = versions - swaps - mints - f.written;
            for (String[] event : new String[][] {{"Swap", Long.toString(swaps)}, {"Mint", Long.toString(mints)},
                    {"Burn", Long.toString(Math.max(10, burns))}}) {
                Map<String, String> values = new LinkedHashMap<>(Map.of(
                        "id", "md5(g::text || '" + event[0] + "') || '-' || (g % 300)",
                        "timestamp", "to_timestamp(1620000000 + g * 2)", "pool", pool.formatted("g % " + pools),
                        "token0", tokenOfPool0.formatted("g % " + pools), "token1", tokenOfPool1.formatted("g % " + pools),
                        "amount0", "(g % 100003 - 50000)::numeric / 1000", "amount1", "(g % 99991)::numeric / 3",
                        "amountUSD", "(g % 77777)::numeric * 1.25", "logIndex", "g % 300"));
                if (event[0].equals("Swap")) {
                    values.putAll(Map.of("sender", "decode(md5(g::text), 'hex')", "recipient", "decode(md5((g + 1)::text), 'hex')",
                            "sqrtPriceX96", "g::numeric * 79228162514264337593543950336 / 1000", "tick", "(g % 887272 - 443636)::int"));
                } else {
                    values.putAll(Map.of("owner", "decode(md5((g % 5000)::text), 'hex')", "amount", "g::numeric * 1000000007",
                            "tickLower", "(g % 1000 * 60 - 30000)::int", "tickUpper", "(g % 1000 * 60 - 29400)::int"));
                    if (event[0].equals("Mint")) {
                        values.put("sender", "decode(md5((g % 700)::text), 'hex')");
                    }
                }
                f.immutable(event[0], Long.parseLong(event[1]), values);
            }
            StringBuilder current = new StringBuilder("0");
            for (EntityTable t : layout.tables()) {
                current.append(" + (select count(*) from ").append(t.qualifiedName(src.namespace())).append(" where ")
                        .append(t.isCurrent()).append(")");
                s.execute("analyze " + t.qualifiedName(src.namespace()));
            }
            s.execute("update subgraphs.head set block_number = " + head + ", block_hash = '\\x00', entity_count = "
                    + current + " where id = " + src.id().value());
            long bytes;
            try (ResultSet rs = s.executeQuery("select sum(pg_total_relation_size(c.oid)) from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = '" + src.namespace() + "' and c.relkind = 'r'")) {
                rs.next();
                bytes = rs.getLong(1);
            }
            return new Fill(f.written, head, bytes);
        }
    }

    /** Inserts generated versions into the tables of one deployment, by field name. */
    private static final class Filler {
        private final Statement s;
        private final Site src;
        private final Layout layout;
        private final int head;
        long written;

        Filler(Statement s, Site src, Layout layout, int head) {
            this.s = s;
            this.src = src;
            this.layout = layout;
            this.head = head;
        }

        /**
         * {@code n} versions of {@code ids} entities: version {@code g} (1..n) is of entity
         * {@code idx = (g - 1) % ids}, its {@code ver}-th version, valid from its start block
         * until the next version of the same entity starts (the last one is open).
         */
        void mutable(String type, long n, long ids, Map<String, String> values) throws Exception {
            long perId = (n + ids - 1) / ids;
            long step = Math.max(1, head / perId);
            String from = "from (select g, (g - 1) % " + ids + " as idx, (g - 1) / " + ids + " as ver"
                    + " from generate_series(1::bigint, " + n + ") g) v";
            insert(type, "int4range((ver * " + step + ")::int, case when g + " + ids + " <= " + n + " then ((ver + 1) * "
                    + step + ")::int end)", values, from, n);
        }

        /** {@code n} events spread evenly over the blocks up to the head. */
        void immutable(String type, long n, Map<String, String> values) throws Exception {
            insert(type, "(g * " + head + " / " + n + ")::int", values, "from generate_series(1::bigint, " + n + ") g", n);
        }

        private void insert(String type, String block, Map<String, String> values, String from, long n) throws Exception {
            EntityTable t = layout.require(type);
            List<String> cols = new ArrayList<>(List.of(t.blockColumn()));
            List<String> exprs = new ArrayList<>(List.of(block));
            for (Map.Entry<String, String> e : values.entrySet()) {
                Column c = t.column(e.getKey()).orElseThrow(() -> new IllegalArgumentException(type + "." + e.getKey()));
                cols.add(c.quotedName());
                exprs.add(e.getValue() + "::" + columnType(t, c));
            }
            s.execute("insert into " + t.qualifiedName(src.namespace()) + " (" + String.join(", ", cols) + ") select "
                    + String.join(", ", exprs) + " " + from);
            written += n;
        }

        private String columnType(EntityTable t, Column c) throws Exception {
            try (ResultSet rs = s.executeQuery("select format_type(atttypid, atttypmod) from pg_attribute where attrelid = '"
                    + t.qualifiedName(src.namespace()) + "'::regclass and attname = '" + c.name() + "'")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Reads every source table once, so no contender pays for a cold cache the others do not. */
    private static void warm(ShardedStore store, Site src, Layout layout) throws Exception {
        try (Connection c = store.require(src.shard()).connect(); Statement s = c.createStatement()) {
            for (EntityTable t : layout.tables()) {
                s.executeQuery("select count(*), sum(length(x::text)) from " + t.qualifiedName(src.namespace()) + " x").close();
            }
        }
    }

    /**
     * The baseline: every table streamed whole, binary, with no batching, progress or transform,
     * into the bare tables; then the same secondary indexes built one after another, so it ends
     * where a copy does. The seconds of both phases.
     */
    private static double[] pipe(ShardedStore store, Layout layout, Site src, Site dst) throws Exception {
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
        double copied = (System.nanoTime() - start) / 1e9;
        store.require(dst.shard()).jdbi().useHandle(h -> {
            for (EntityTable t : layout.tables()) {
                t.indexStatements(dst.namespace()).forEach(h::execute);
            }
        });
        return new double[] {copied, (System.nanoTime() - start) / 1e9 - copied};
    }
}
