package io.graphstore.graphman.copy;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.Fields;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.CopyDao;
import io.graphstore.store.copy.CopyInfo;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman copy status DST}: one copy in detail, table by table. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show one copy in detail, table by table.",
            "Source, destination, target block, what happens once it has caught up, its",
            "node, when it was queued, started, finished or cancelled; then per table",
            "whether it is done, rows copied and rows to copy (versions at the target",
            "block, counted when the copy was created), the next vid to copy, the last",
            "vid to copy, the current batch size and the time spent."})
public final class CopyStatus extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "DST", description = "the copy: its namespace (sgdN) or HASH:SHARD")
    String dst;

    @Option(names = "--json", description = "print JSON for scripts: the copy, with a 'tables' list")
    boolean json;

    @Override
    public Integer call() {
        CopyView.Shown shown;
        try (ShardedStore store = openStore(loadConfig())) {
            shown = CopyView.shown(store, new CopyAdmin(store).status(dst));
        }
        CopyInfo c = shown.info();
        if (json) {
            Map<String, Object> m = CopyView.asMap(shown);
            m.put("tables", c.tables().stream().map(CopyView::tableMap).toList());
            out().println(Json.write(m));
            return ExitCode.OK;
        }
        Fields f = new Fields()
                .add("deployment", c.dst().hash())
                .add("src", c.src().namespace() + " in " + c.src().shard() + (c.srcRemoved() ? " (removed)" : ""))
                .add("dst", c.dst().namespace() + " in " + c.dst().shard() + (c.dst().active() ? " (active)" : ""))
                .add("target block", c.targetBlock())
                .add("on sync", CopyView.onSync(c))
                .add("transport", c.transport())
                .add("node", shown.nodeLabel())
                .add("queued", CopyView.time(c.queuedAt()))
                .add("started", CopyView.time(c.startedAt()))
                .add("finished", CopyView.time(c.finishedAt()))
                .add("cancelled", CopyView.time(c.cancelledAt()))
                .add("duration", CopyView.duration(c).map(CopyView::human).orElse("-"))
                .add("state", c.state() + " " + CopyView.progress(c));
        c.why().ifPresent(why -> f.add("waiting", why));
        f.print(out());
        out().println();
        Table t = new Table("TABLE", "DONE", "ROWS", "ROWS_TOTAL", "NEXT_VID", "TARGET_VID", "BATCH", "DURATION(ms)");
        for (CopyDao.TableState s : c.tables()) {
            t.row(s.entityType(), s.done() ? "yes" : "no", s.rowsDone(), s.rowsExpected(), s.nextVid(), s.targetVid(),
                    s.batchSize(), s.durationMs());
        }
        t.print(out());
        return ExitCode.OK;
    }
}
