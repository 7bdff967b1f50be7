package io.graphstore.graphman.shard;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.StopSignal;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.MoveAdmin;
import io.graphstore.store.admin.ShardAdmin;
import io.graphstore.store.admin.ShardReferences;
import io.graphstore.store.admin.UnusedAdmin;
import io.graphstore.store.chain.ChainMove;
import io.graphstore.store.domain.Site;
import io.graphstore.store.rebalance.MoveLog;
import io.graphstore.store.rebalance.ShardMove;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman shard drain NAME}: move everything off a shard. */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = {"Move every deployment and chain off a shard, so it can be removed.",
            "Cordons NAME (no new deployments go there), then gives each active",
            "deployment in it a copy in the shard its deployment rule picks now (or among",
            "--to), created with --replace: the copy becomes active once it has caught up",
            "and the old one is unassigned. Runs the copies here, --jobs at a time (at",
            "most 5 per shard pair run at once), and prints each move as it goes. Then",
            "moves the chains whose block data NAME stores, and removes the old copies",
            "from NAME (unless --keep-unused). Stops before moving anything when a",
            "deployment's rule names no other shard and no --to is given. Resumable: run",
            "it again after Ctrl-C, SIGTERM or a crash and it continues; nothing is",
            "copied twice. --dry-run prints the moves with sizes and an estimated time,",
            "and changes nothing; --status shows the moves of the latest drain of NAME.",
            "The primary cannot be drained: it holds the directory."})
public final class ShardDrain extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the shard to drain")
    String name;

    @Option(names = "--to", paramLabel = "SHARD", split = ",",
            description = "move the deployments among these shards (repeat or separate with commas) instead of"
                    + " where their rules would place them; chains go to the first")
    List<String> to = new ArrayList<>();

    @Option(names = "--dry-run", description = "print what would move, with sizes and an estimate; change nothing")
    boolean dryRun;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "how many copies run at once (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--keep-unused", description = "leave the old copies for the unused-deployment reaper instead"
            + " of removing them from the drained shard at the end")
    boolean keepUnused;

    @Option(names = "--status", description = "show the moves of the latest drain of NAME (from another terminal,"
            + " or after it ended); changes nothing")
    boolean status;

    @Option(names = "--json", description = "with --dry-run or --status: print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        if (jobs < 1 || jobs > 16) {
            throw new io.graphstore.common.BadInputException("--jobs " + jobs + " is out of range; use 1 to 16");
        }
        if (json && !dryRun && !status) {
            throw new io.graphstore.common.BadInputException("--json goes with --dry-run or --status; a drain prints"
                    + " its moves as lines");
        }
        if (status && dryRun) {
            throw new io.graphstore.common.BadInputException("--status and --dry-run exclude each other; give one");
        }
        if (status) {
            try (ShardedStore store = openStore(loadConfig())) {
                var shard = new ShardAdmin(store).configured(name);
                MovesTable.print(out(), new MoveAdmin(store).log().latest(ShardMove.Kind.DRAIN,
                        java.util.Optional.of(shard)), json, "shard " + name + " has not been drained");
            }
            return ExitCode.OK;
        }
        return StopSignal.run("graphman-shard-drain-shutdown", stop -> {
            try (ShardedStore store = openStore(loadConfig())) {
                MoveAdmin admin = new MoveAdmin(store);
                MoveAdmin.DrainPlan plan = admin.drainPlan(name, to);
                if (dryRun) {
                    printPlan(plan);
                    return ExitCode.OK;
                }
                MoveAdmin.Drained drained = admin.drain(plan, jobs, keepUnused, stop, new DrainLines(this, out()));
                return report(store, drained);
            }
        });
    }

    /** The drain's own events beside the moves' lines. */
    private static final class DrainLines extends MoveLines implements MoveAdmin.DrainListener {
        private final ShardDrain command;

        DrainLines(ShardDrain command, java.io.PrintWriter out) {
            super(out);
            this.command = command;
        }

        @Override
        public void queued(List<ShardMove> moves) {
            number(moves);
            command.out().println("shard " + command.name + " is cordoned; " + moves.size() + " deployment(s) to move");
            command.out().flush();
        }

        @Override
        public void chainMoving(MoveAdmin.ChainTarget chain) {
            command.out().println("chain " + chain.chain() + ": moving its block data " + chain.from() + " -> "
                    + chain.to() + (chain.resumed() ? " (continuing)" : ""));
            command.out().flush();
        }

        @Override
        public void chainMoved(MoveAdmin.ChainTarget chain, ChainMove result) {
            command.out().println("chain " + chain.chain() + ": " + switch (result.outcome()) {
                case MOVED -> "moved to " + result.to() + " (" + result.blocks() + " blocks); set shard = \""
                        + result.to() + "\" under [chains." + chain.chain() + "] in the config";
                case STOPPED -> "stopped; the next run continues it";
                case OLD_NOT_DROPPED -> "moved, but its old namespace could not be dropped: "
                        + result.problem().orElse("") + "; the next run drops it";
                case CANCELLED -> "its move was given up";
            });
            command.out().flush();
        }

        @Override
        public void removed(UnusedAdmin.Unused deployment) {
            command.out().println("removed the old copy " + deployment.describe());
            command.out().flush();
        }
    }

    private int report(ShardedStore store, MoveAdmin.Drained drained) {
        var m = drained.moves();
        if (!drained.complete()) {
            out().println("shard " + name + " is not drained yet: " + m.done() + " moved, " + m.left() + " left, "
                    + m.failed() + " failed, " + m.stopped() + " stopped; run 'graphman shard drain " + name
                    + "' again to continue" + (m.failed() > 0 ? " once the failures above are fixed" : ""));
            out().flush();
            return m.failed() > 0 ? ExitCode.FAILURE : ExitCode.OK;
        }
        ShardReferences refs = new ShardAdmin(store).references(name);
        out().println("shard " + name + " is drained: " + m.done() + " deployment(s) moved, " + drained.chains().size()
                + " chain(s) moved" + drained.removal().map(r -> ", " + r.removed().size() + " old copies removed")
                        .orElse(", old copies left to the reaper (--keep-unused)"));
        drained.removal().ifPresent(r -> r.skipped().forEach(s -> out().println("could not remove "
                + s.deployment().describe() + " yet: " + s.reason())));
        if (refs.safeToRemove()) {
            out().println("nothing references it any more: remove [store." + name + "] from the config, then run"
                    + " 'graphman database remap'");
        } else {
            out().println("before removing it from the config, see 'graphman shard remove-check " + name + "'"
                    + (refs.rules().isEmpty() ? "" : " (deployment rules still name it: " + String.join("; ",
                            refs.rules()) + ")"));
        }
        out().flush();
        return ExitCode.OK;
    }

    private void printPlan(MoveAdmin.DrainPlan plan) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shard", plan.shard().value());
            m.put("moves", plan.moves().stream().map(q -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("deployment", q.deployment().value());
                r.put("namespace", "sgd" + q.src());
                r.put("name", q.name());
                r.put("from", q.from().value());
                r.put("to", q.to().value());
                r.put("bytes", q.bytes());
                r.put("estimate_seconds", plan.sizes().estimate(q.bytes()).map(d -> d.toMillis() / 1000.0)
                        .orElse(null));
                r.put("why", q.why());
                return r;
            }).toList());
            m.put("continued", plan.resumed().stream().map(ShardMove::describe).toList());
            m.put("chains", plan.chains().stream().map(c -> Map.of("chain", c.chain(), "from", c.from().value(),
                    "to", c.to().value())).toList());
            m.put("unused", plan.unused().stream().map(Site::describe).toList());
            m.put("standby", plan.standby().stream().map(Site::describe).toList());
            m.put("copies_in_flight", plan.inFlight());
            m.put("bytes", plan.bytes());
            m.put("estimate_seconds", plan.estimate().map(d -> d.toMillis() / 1000.0).orElse(null));
            out().println(Json.write(m));
            out().flush();
            return;
        }
        if (plan.moves().isEmpty() && plan.resumed().isEmpty()) {
            out().println("no deployment is active in shard " + name);
        } else {
            Table t = new Table("DEPLOYMENT", "NAME", "FROM", "TO", "SIZE", "ESTIMATE");
            for (MoveLog.Queued q : plan.moves()) {
                t.row("sgd" + q.src() + " " + q.deployment(), q.name(), q.from(), q.to(), ShardPlan.bytes(q.bytes()),
                        plan.sizes().estimate(q.bytes()).map(MoveLines::human).orElse("?"));
            }
            for (ShardMove r : plan.resumed()) {
                t.row("sgd" + r.src() + " " + r.deployment(), r.name(), r.from(), r.to(), ShardPlan.bytes(r.bytes()),
                        "(" + r.state().label() + ", continued)");
            }
            t.print(out());
        }
        plan.chains().forEach(c -> out().println("chain " + c.chain() + ": block data " + c.from() + " -> " + c.to()
                + (c.resumed() ? " (continuing a move under way)" : "")));
        plan.unused().forEach(s -> out().println("inactive, unassigned: " + s.describe() + " (recorded as unused)"));
        plan.standby().forEach(s -> out().println("inactive, still assigned: " + s.describe() + " (an old or standby"
                + " copy; the active copy is elsewhere; unassigned and recorded as unused)"));
        plan.inFlight().forEach(s -> out().println("copy in flight into it: " + s + " (left alone; cancel it with"
                + " 'graphman copy cancel' or let it finish, then drain again)"));
        out().println("would move " + (plan.moves().size() + plan.resumed().size()) + " deployment(s), "
                + ShardPlan.bytes(plan.bytes()) + ", and " + plan.chains().size() + " chain(s)"
                + plan.estimate().map(d -> "; about " + MoveLines.human(d) + " at the copy throughput measured here")
                        .orElse("; no copy measured here yet, so no estimate")
                + "; nothing was changed (dry run)");
        out().flush();
    }
}
