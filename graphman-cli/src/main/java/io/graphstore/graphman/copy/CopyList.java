package io.graphstore.graphman.copy;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.CopyInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman copy list}: every copy, its state and how far it is. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List every copy with its source, state and progress.",
            "States: queued (not started), running, stopped (started, nobody runs it",
            "now), finished, cancel requested (it stops after its current batch),",
            "cancelled. A queued or stopped copy says on the next line what it waits for."})
public final class CopyList extends GraphmanCommand {
    @Option(names = "--json", description = "print JSON for scripts: a list with one object per copy")
    boolean json;

    @Override
    public Integer call() {
        List<CopyView.Shown> copies;
        List<String> unreadable;
        try (ShardedStore store = openStore(loadConfig())) {
            CopyAdmin.Listing listing = new CopyAdmin(store).listing();
            copies = listing.copies().stream().map(c -> CopyView.shown(store, c)).toList();
            unreadable = listing.unreadable();
        }
        // copies whose destination cannot be read are missing: say so, and exit 1
        unreadable.forEach(why -> err().println("error: some copies are not shown: " + why));
        if (json) {
            out().println(Json.write(copies.stream().map(CopyView::asMap).toList()));
        } else if (copies.isEmpty() && unreadable.isEmpty()) {
            out().println("no copies; create one with 'graphman copy create SRC SHARD NODE'");
        } else if (!copies.isEmpty()) {
            print(copies, out());
        }
        return unreadable.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    /** The table, with the reason of a queued or stopped copy on an indented line under its row. */
    /** The table of {@code copies} as 'graphman copy list' prints it (the demo shows it too). */
    public static void print(ShardedStore store, List<CopyInfo> copies, PrintWriter out) {
        print(copies.stream().map(c -> CopyView.shown(store, c)).toList(), out);
    }

    static void print(List<CopyView.Shown> copies, PrintWriter out) {
        Table t = new Table("COPY", "STATE", "PROGRESS", "TARGET", "NODE");
        for (CopyView.Shown shown : copies) {
            CopyInfo c = shown.info();
            t.row(CopyView.source(c) + " -> " + CopyView.site(c.dst()), c.state(), CopyView.progress(c),
                    c.targetBlock(), shown.nodeLabel());
        }
        StringWriter rendered = new StringWriter();
        t.print(new PrintWriter(rendered));
        List<String> lines = rendered.toString().lines().toList();
        out.println(lines.get(0));
        for (int i = 0; i < copies.size(); i++) {
            out.println(lines.get(i + 1));
            copies.get(i).info().why().ifPresent(why -> out.println("    " + why));
        }
        out.flush();
    }
}
