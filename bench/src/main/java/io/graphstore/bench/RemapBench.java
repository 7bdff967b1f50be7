package io.graphstore.bench;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.fdw.FdwWiring;
import io.graphstore.store.fdw.PairResult;
import io.graphstore.store.fdw.RemapReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remapping the postgres_fdw wiring of N shards (every database to every other): graph-store's
 * remap, which checks each mapping and rebuilds only what differs, against re-importing every
 * mapping as graph-node's remap does (our remap with --force), on the same databases.
 */
final class RemapBench {

    static List<Result> run(List<Integer> shardCounts) {
        List<Result> results = new ArrayList<>();
        for (int n : shardCounts) {
            List<String> names = BenchCluster.shardNames(n);
            try (BenchCluster cluster = new BenchCluster(names, 2)) {
                ShardedStore store = cluster.open();
                FdwWiring.Scope forced = new FdwWiring.Scope(Optional.empty(), Optional.empty(), true, true);
                FdwWiring.Scope normal = new FdwWiring.Scope(Optional.empty(), Optional.empty(), false, true);
                store.remap(forced); // warm up both paths once
                store.remap(normal);
                long s1 = System.nanoTime();
                RemapReport full = store.remap(forced);
                double fullSeconds = (System.nanoTime() - s1) / 1e9;
                long s2 = System.nanoTime();
                RemapReport checked = store.remap(normal);
                double checkedSeconds = (System.nanoTime() - s2) / 1e9;
                List<PairResult> bad = java.util.stream.Stream.concat(full.pairs().stream(), checked.pairs().stream())
                        .filter(p -> !p.ok()).limit(3).toList();
                if (!bad.isEmpty() || checked.pairs().stream().anyMatch(PairResult::changed)) {
                    throw new IllegalStateException("remap of " + n + " shards did not come out clean: " + bad);
                }
                int pairs = full.pairs().size();
                results.add(new Result("remap_" + n + "_shards", "pairs/s", pairs / checkedSeconds,
                        "re-import every mapping (graph-node's remap)", pairs / fullSeconds,
                        Map.of("shards", n, "pairs", pairs, "ms_per_pair", Math.round(checkedSeconds * 1e6 / pairs) / 1000.0,
                                "baseline_ms_per_pair", Math.round(fullSeconds * 1e6 / pairs) / 1000.0,
                                "total_ms", Math.round(checkedSeconds * 1e3), "baseline_total_ms", Math.round(fullSeconds * 1e3))));
            }
        }
        return results;
    }
}
