package io.graphstore.graphman.shard;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ShardAdmin;
import io.graphstore.store.rebalance.Move;
import io.graphstore.store.rebalance.Plan;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code graphman shard plan}: the rebalance plan, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Print a rebalance plan; changes nothing.",
            "For each deployment rule with several shards, the moves that bring placement",
            "in line with the rule's strategy. hrw: every deployment whose rendezvous",
            "winner among the rule's shards is not its shard (about 1/N of them after",
            "adding an Nth shard). least_used: the fewest moves that bring every shard of",
            "the rule within --threshold of the average, by deployment count or, with",
            "--by size, by the bytes of each namespace. Cordoned shards get nothing. Each",
            "move shows the deployment, from, to, its size and an estimate from the copy",
            "throughput this installation measured; then a summary."})
public final class ShardPlan extends GraphmanCommand {
    @Mixin
    PlanOptions options;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        Plan plan;
        try (ShardedStore store = openStore(loadConfig())) {
            plan = new ShardAdmin(store).plan(options.threshold, options.maxMoves, options.measure());
        }
        if (json) {
            out().println(Json.write(asMap(plan)));
        } else if (plan.moves().isEmpty()) {
            out().println("No rebalancing needed: " + plan.considered() + " deployments under rules with several shards"
                    + " are placed as their rules' strategies want (threshold " + fmt(options.threshold) + " %)");
        } else {
            Table t = new Table("DEPLOYMENT", "NAME", "FROM", "TO", "SIZE", "ESTIMATE", "WHY");
            for (Move m : plan.moves()) {
                t.row(m.deployment().site().namespace() + " " + m.deployment().site().hash(), m.deployment().name(),
                        m.from(), m.to(), bytes(m.deployment().bytes()),
                        m.estimate().map(MoveLines::human).orElse("?"), m.why());
            }
            t.print(out());
            out().println(plan.moves().size() + " moves, " + bytes(plan.bytes()) + ", "
                    + fmt(100 * plan.share()) + " % of " + plan.considered() + " deployments"
                    + (plan.limited() ? "; more were left out by --max-moves " + options.maxMoves : "")
                    + plan.bytesPerSecond().map(b -> "; estimates at " + bytes(b.longValue()) + "/s measured")
                            .orElse("; no copy measured yet, so no estimates"));
        }
        out().flush();
        return ExitCode.OK;
    }

    private static Map<String, Object> asMap(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("moves", plan.moves().stream().map(mv -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("deployment", mv.deployment().site().hash().value());
            r.put("namespace", mv.deployment().site().namespace().value());
            r.put("name", mv.deployment().name());
            r.put("from", mv.from().value());
            r.put("to", mv.to().value());
            r.put("bytes", mv.deployment().bytes());
            r.put("estimate_seconds", mv.estimate().map(d -> d.toMillis() / 1000.0).orElse(null));
            r.put("why", mv.why());
            return r;
        }).toList());
        m.put("considered", plan.considered());
        m.put("bytes", plan.bytes());
        m.put("share", plan.share());
        m.put("limited", plan.limited());
        m.put("bytes_per_second", plan.bytesPerSecond().orElse(null));
        return m;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
