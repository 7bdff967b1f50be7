package io.graphstore.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point: {@code bench [all|sites|transact|remap|copy|cli|pickup] [--quick]}. Prints one JSON line per result,
 * then a table. {@code --quick} uses small sizes (a smoke run, not a measurement).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        String which = List.of(args).stream().filter(a -> !a.startsWith("--")).findFirst().orElse("all");
        if (!List.of("all", "sites", "transact", "remap", "copy", "cli", "pickup").contains(which)) {
            err.println("error: benchmark '" + which + "' is unknown; use all, sites, transact, remap, copy, cli or pickup");
            return 2;
        }
        List<Result> results = new ArrayList<>();
        if (which.equals("all") || which.equals("sites")) {
            err.println("bench: site resolution ...");
            results.add(SiteResolutionBench.run(quick ? 2_000 : 100_000, quick ? 100 : 1_000, quick ? 0.5 : 5));
            out.println(results.get(results.size() - 1).json());
        }
        if (which.equals("all") || which.equals("transact")) {
            err.println("bench: transact write throughput ...");
            for (Result r : TransactBench.run(quick ? 30 : Integer.getInteger("bench.blocks", 2_000), quick ? 20 : 100)) {
                results.add(r);
                out.println(r.json());
            }
        }
        if (which.equals("all") || which.equals("copy")) {
            long versions = quick ? 20_000 : Long.getLong("bench.copy.versions", 2_000_000L);
            err.println("bench: copy " + versions + " entity versions between two servers ...");
            for (Result r : CopyBench.run(versions)) {
                results.add(r);
                out.println(r.json());
            }
        }
        if (which.equals("all") || which.equals("pickup")) {
            int events = quick ? 5 : Integer.getInteger("bench.pickup.events", 50);
            err.println("bench: node pickup of " + events + " copies created while it runs, live and polling ...");
            for (Result r : PickupBench.run(events)) {
                results.add(r);
                out.println(r.json());
            }
        }
        if (which.equals("all") || which.equals("remap")) {
            err.println("bench: remap with 2, 4, 8, 16 shards ...");
            for (Result r : RemapBench.run(quick ? List.of(2, 3) : List.of(2, 4, 8, 16))) {
                results.add(r);
                out.println(r.json());
            }
        }
        // cli runs the graphman launcher that ./bench/run names; without one, 'all' leaves it out
        if (which.equals("cli") || which.equals("all") && System.getProperty("bench.graphman") != null) {
            err.println("bench: graphman commands against graphman --version, with 3 and 16 shards ...");
            for (Result r : CliBench.run(quick ? List.of(2) : List.of(3, 16), quick ? 1 : Integer.getInteger("bench.cli.runs", 5))) {
                results.add(r);
                out.println(r.json());
            }
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-16s %18s %22s %8s  %s", "BENCH", "GRAPH-STORE", "BASELINE", "RATIO",
                "BASELINE IS"));
        for (Result r : results) {
            // runs/s of a CLI command are below 10: whole numbers would print 0 and 1
            String figure = r.value() < 10 ? "%.3f" : "%.0f";
            out.println(String.format(Locale.ROOT, "%-16s %18s %22s %8.3f  %s (%s)", r.bench(),
                    String.format(Locale.ROOT, figure, r.value()), String.format(Locale.ROOT, figure, r.baselineValue()),
                    r.ratio(), r.baseline(), r.unit()));
        }
        List<Result> clis = results.stream().filter(r -> r.bench().startsWith("cli_")).toList();
        if (!clis.isEmpty()) {
            out.println();
            out.println(String.format(Locale.ROOT, "%-7s %-34s %10s %16s %8s", "SHARDS", "COMMAND", "MS",
                    "--version MS", "TIMES"));
            for (Result r : clis) {
                var p = r.params();
                out.println(String.format(Locale.ROOT, "%-7s %-34s %10s %16s %8.2f", p.get("shards"), p.get("command"),
                        p.get("ms"), p.get("baseline_ms"), 1 / r.ratio()));
            }
        }
        List<Result> pickups = results.stream().filter(r -> r.bench().startsWith("pickup_")).toList();
        if (!pickups.isEmpty()) {
            out.println();
            out.println(String.format(Locale.ROOT, "%-12s %8s %14s %20s", "PICKUP", "EVENTS", "LIVE MS", "POLLING 2 S MS"));
            for (Result r : pickups) {
                var p = r.params();
                out.println(String.format(Locale.ROOT, "%-12s %8s %14s %20s", r.bench().substring(7), p.get("events"),
                        p.get("ms"), p.get("baseline_ms")));
            }
        }
        List<Result> remaps = results.stream().filter(r -> r.bench().startsWith("remap_")).toList();
        if (!remaps.isEmpty()) {
            out.println();
            out.println(String.format(Locale.ROOT, "%-7s %6s %14s %14s %18s %18s", "SHARDS", "PAIRS", "REMAP MS",
                    "MS/PAIR", "RE-IMPORT MS", "RE-IMPORT MS/PAIR"));
            for (Result r : remaps) {
                var p = r.params();
                out.println(String.format(Locale.ROOT, "%-7s %6s %14s %14s %18s %18s", p.get("shards"), p.get("pairs"),
                        p.get("total_ms"), p.get("ms_per_pair"), p.get("baseline_total_ms"), p.get("baseline_ms_per_pair")));
            }
        }
        return 0;
    }
}
