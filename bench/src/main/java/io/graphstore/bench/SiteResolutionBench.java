package io.graphstore.bench;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.primary.Directory;
import java.io.StringReader;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;

/**
 * Resolving a deployment hash to its active site with {@code sites} sites in the directory:
 * with the process cache against the same lookups straight from the primary. Lookups draw
 * from {@code hot} of the sites, as a node resolves the deployments it serves again and
 * again; the cached run starts after one pass over them.
 */
final class SiteResolutionBench {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    static Result run(int sites, int hot, double seconds) throws Exception {
        try (BenchCluster cluster = new BenchCluster(List.of("primary", "shard_a"))) {
            ShardedStore uncachedStore = cluster.open();
            fill(uncachedStore, sites);
            Directory uncached = uncachedStore.directory();
            Directory cached = cluster.open().directory();
            cached.enableCache();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!cached.cacheActive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double base = lookups(uncached, sites, hot, seconds);
            for (int i = 0; i < hot; i++) {
                cached.activeSite(hash(hotSite(i, sites, hot)));
            }
            double fast = lookups(cached, sites, hot, seconds);
            return new Result("site_resolution", "lookups/s", fast, "uncached (query the primary)", base,
                    Map.of("sites", sites, "hot_sites", hot, "seconds", seconds));
        }
    }

    /** The i-th hot site, spread over the whole directory. */
    private static int hotSite(int i, int sites, int hot) {
        return (int) ((long) i * sites / hot);
    }

    private static double lookups(Directory directory, int sites, int hot, double seconds) {
        SplittableRandom rng = new SplittableRandom(42);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            DeploymentHash hash = hash(hotSite(rng.nextInt(hot), sites, hot));
            if (directory.activeSite(hash).isEmpty()) {
                throw new IllegalStateException("site for " + hash + " is missing");
            }
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    static DeploymentHash hash(int n) {
        StringBuilder sb = new StringBuilder("Qm");
        long x = n * 0x9E3779B97F4A7C15L + 7;
        for (int i = 0; i < 44; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            sb.append(BASE58.charAt((int) Long.remainderUnsigned(x, BASE58.length())));
        }
        return DeploymentHash.of(sb.toString());
    }

    /** Writes {@code sites} directory rows with COPY (placement does not matter here). */
    private static void fill(ShardedStore store, int sites) throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= sites; i++) {
            csv.append(i).append(',').append(hash(i - 1)).append(",sgd").append(i)
                    .append(i % 2 == 0 ? ",primary" : ",shard_a").append(",mainnet,true\n");
        }
        try (Connection c = store.primary().connect()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy public.deployment_schemas (id, subgraph, name, shard, network, active) from stdin (format csv)",
                    new StringReader(csv.toString()));
            c.createStatement().execute("select setval('public.deployment_schemas_id_seq', " + sites + ")");
            c.createStatement().execute("analyze public.deployment_schemas");
        }
    }
}
