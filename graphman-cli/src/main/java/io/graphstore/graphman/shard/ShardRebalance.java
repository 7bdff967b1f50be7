package io.graphstore.graphman.shard;

import io.graphstore.common.BadInputException;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.StopSignal;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.MoveAdmin;
import io.graphstore.store.rebalance.MoveDriver;
import io.graphstore.store.rebalance.RebalancePlanner;
import io.graphstore.store.rebalance.ShardMove;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code graphman shard rebalance --apply | --status | --stop}. */
@Command(name = "rebalance", mixinStandardHelpOptions = true,
        description = {"Carry out the rebalance plan ('graphman shard plan'), show it, or stop it.",
            "--apply queues the plan's moves in the primary and runs them here, --jobs at",
            "a time: each deployment gets a copy in its new shard, created with",
            "--replace, which becomes active once it has caught up; the old copy is",
            "unassigned and removed later by the unused-deployment reaper. Queries keep",
            "answering throughout. Resumable: --apply after Ctrl-C, SIGTERM or a crash",
            "continues the open moves and plans nothing new until they have ended.",
            "--status shows each move of the latest rebalance and its state; --stop ends",
            "the moves whose copy has not started (a running --apply finishes the copies",
            "under way and exits)."})
public final class ShardRebalance extends GraphmanCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--apply", required = true, description = "queue the plan's moves and drive them")
        boolean apply;

        @Option(names = "--status", required = true, description = "show the moves of the latest rebalance")
        boolean status;

        @Option(names = "--stop", required = true, description = "stop the moves that have not started")
        boolean stop;
    }

    /** With --apply: as in 'shard plan'. */
    @Mixin
    PlanOptions options;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "with --apply: how many copies run at once (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--json", description = "with --status: print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        if (jobs < 1 || jobs > 16) {
            throw new BadInputException("--jobs " + jobs + " is out of range; use 1 to 16");
        }
        if (json && !action.status) {
            throw new BadInputException("--json goes with --status");
        }
        RebalancePlanner.By measure = options.measure();
        if (action.status) {
            return status();
        }
        if (action.stop) {
            return stop();
        }
        return StopSignal.run("graphman-shard-rebalance-shutdown", stop -> {
            try (ShardedStore store = openStore(loadConfig())) {
                ApplyLines lines = new ApplyLines(this);
                MoveDriver.Summary s = new MoveAdmin(store).applyRebalance(options.threshold, options.maxMoves, measure, jobs,
                        stop,
                        lines);
                if (lines.total == 0) {
                    return ExitCode.OK;
                }
                out().println("rebalance: " + s.done() + " moved, " + s.left() + " left, " + s.failed() + " failed, "
                        + s.stopped() + " stopped" + (s.left() + s.failed() > 0
                                ? "; run 'graphman shard rebalance --apply' again to continue" : "")
                        + (s.done() > 0 ? "; the old copies are unassigned and removed later as unused" : ""));
                out().flush();
                return s.failed() > 0 ? ExitCode.FAILURE : ExitCode.OK;
            }
        });
    }

    private static final class ApplyLines extends MoveLines implements MoveAdmin.ApplyListener {
        private final ShardRebalance command;
        int total;

        ApplyLines(ShardRebalance command) {
            super(command.out());
            this.command = command;
        }

        @Override
        public void queued(MoveAdmin.Applied applied) {
            number(applied.moves());
            total = applied.moves().size();
            if (applied.plan().isEmpty()) {
                command.out().println("continuing " + total + " open move(s) of an earlier rebalance; nothing new is"
                        + " planned until they have ended");
            } else if (total == 0) {
                command.out().println("No rebalancing needed: " + applied.plan().get().considered() + " deployments"
                        + " under rules with several shards are placed as their rules' strategies want");
            } else {
                command.out().println("queued " + total + " move(s), " + ShardPlan.bytes(applied.moves().stream()
                        .mapToLong(ShardMove::bytes).sum())
                        + (applied.plan().get().limited() ? " (limited by --max-moves)" : ""));
            }
            command.out().flush();
        }
    }

    private int status() {
        List<ShardMove> moves;
        try (ShardedStore store = openStore(loadConfig())) {
            moves = new MoveAdmin(store).log().latest(ShardMove.Kind.REBALANCE, Optional.empty());
        }
        MovesTable.print(out(), moves, json, "no rebalance has been applied; see 'graphman shard plan'");
        return ExitCode.OK;
    }

    private int stop() {
        List<ShardMove> stopped;
        try (ShardedStore store = openStore(loadConfig())) {
            stopped = new MoveAdmin(store).stopRebalance();
        }
        stopped.forEach(m -> out().println("stopped move " + m.id() + ": " + m.describe()));
        out().println(stopped.isEmpty() ? "nothing to stop: every open move's copy has started (they finish; see"
                + " 'graphman shard rebalance --status')" : "stopped " + stopped.size() + " move(s); copies already"
                + " under way finish");
        out().flush();
        return ExitCode.OK;
    }
}
