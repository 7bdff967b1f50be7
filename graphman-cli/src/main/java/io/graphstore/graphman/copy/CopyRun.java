package io.graphstore.graphman.copy;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Progress;
import io.graphstore.graphman.cli.StopSignal;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.CopyInfo;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.domain.Site;
import java.io.PrintWriter;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman copy run DST}: run a copy in the foreground with a progress bar. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a copy here, in the foreground, with a progress bar.",
            "Copies the rows (the bar goes to stderr), catches up with the source, and",
            "activates the copy when it was created with --activate or --replace. An",
            "interrupted copy resumes where it stopped. Ctrl-C or SIGTERM stops it",
            "cleanly after the current batch (exit 0). Exit 1 when it is queued,",
            "cancelled or already running elsewhere."})
public final class CopyRun extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "DST", description = "the copy: its namespace (sgdN) or HASH:SHARD")
    String dst;

    @Override
    public Integer call() {
        return StopSignal.run("graphman-copy-run-shutdown", stop -> {
            try (ShardedStore store = openStore(loadConfig())) {
                Site site = store.directory().resolveOne(dst);
                CopyAdmin admin = new CopyAdmin(store);
                CopyInfo before = admin.status(site.namespace().value());
                CopyRunner.Outcome outcome;
                try (RowsBar bar = new RowsBar(err(), site.namespace() + " " + site.shard())) {
                    outcome = new CopyRunner(store, site, stop, bar).run();
                }
                CopyInfo after = admin.status(site.namespace().value());
                Site now = store.directory().site(site.id()).orElse(site);
                if (outcome == CopyRunner.Outcome.ALREADY_RUNNING) {
                    runner = admin.runner(site).orElse("a node or another 'graphman copy run'");
                }
                return report(outcome, before, after, now);
            }
        });
    }

    /** Who runs the copy when this process could not: the run lock holder's application name. */
    private String runner = "";

    private int report(CopyRunner.Outcome outcome, CopyInfo before, CopyInfo after, Site now) {
        String copy = "copy " + now.describe();
        String ns = now.namespace().value();
        switch (outcome) {
            case FINISHED -> {
                if (before.finishedAt().isPresent()) {
                    out().println(copy + " had finished already (" + CopyView.time(before.finishedAt()) + ")"
                            + (now.active() ? "; it is the active copy" : ""));
                    return ExitCode.OK;
                }
                String tail;
                if (now.active() && after.onSync().isPresent()) {
                    tail = "; now active" + ("replace".equals(after.onSync().get()) ? ", and " + CopyView.site(after.src())
                            + " is unassigned (removed later as unused)" : "");
                } else {
                    tail = "; switch to it with 'graphman copy activate " + now.hash() + " " + now.shard() + "'";
                }
                out().println(copy + " finished: " + CopyView.rowsTotal(after) + " rows up to block "
                        + after.targetBlock() + ", caught up with " + CopyView.site(after.src())
                        + CopyView.duration(after).map(d -> " in " + CopyView.human(d)).orElse("") + tail);
                return ExitCode.OK;
            }
            case QUEUED -> {
                out().println(copy + " is queued: " + after.why().orElse("no free copy slot"));
                return ExitCode.FAILURE;
            }
            case CANCELLED -> {
                out().println(copy + " was cancelled (" + CopyView.time(after.cancelledAt())
                        + "); it is unassigned and removed later as unused");
                return ExitCode.FAILURE;
            }
            case STOPPED -> {
                out().println(copy + " stopped at " + CopyView.progress(after) + "; resume with 'graphman copy run "
                        + ns + "'");
                return ExitCode.OK;
            }
            case ALREADY_RUNNING -> {
                out().println(copy + " is already running elsewhere (" + runner
                        + "); watch it with 'graphman copy list'");
                return ExitCode.FAILURE;
            }
            default -> throw new IllegalStateException("unknown outcome " + outcome);
        }
    }

    /**
     * The progress bar, made at the first batch so a copy that is queued, cancelled or past its
     * bulk phase prints none. It counts every row of the copy, those of earlier runs included.
     */
    private static final class RowsBar implements Consumer<CopyRunner.Progress>, AutoCloseable {
        private final PrintWriter err;
        private final String task;
        private ProgressBar bar;

        RowsBar(PrintWriter err, String task) {
            this.err = err;
            this.task = task;
        }

        @Override
        public void accept(CopyRunner.Progress p) {
            if (bar == null) {
                bar = Progress.bar(err, task, p.total(), "rows");
            }
            bar.stepTo(p.done());
            bar.setExtraMessage(" " + p.table());
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
