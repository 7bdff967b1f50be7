package io.graphstore.graphman.copy;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.VerifyReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman copy verify COPY [OTHER]}: compare two copies of one deployment. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare two copies of a deployment at their common block.",
            "With COPY alone, the other is the site it was copied from or follows; for the active",
            "copy (or a site that follows nothing), the active copy or else the newest other copy",
            "of the deployment. Table by table in vid ranges of 100 000 (version counts and md5",
            "checksums); names the first range that differs. Reads only. Exit 1 when anything",
            "differs, 2 when there is nothing to compare with."})
public final class CopyVerify extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "COPY", description = "a copy: sgdN, HASH:SHARD")
    String dst;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OTHER",
            description = "another copy of the same deployment to compare with (sgdN, HASH:SHARD)")
    String other;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig())) {
            VerifyReport r = other == null ? new CopyAdmin(store).verify(dst) : new CopyAdmin(store).verify(dst, other);
            if (json) {
                out().println(Json.write(asMap(r)));
            } else {
                out().println(r.copy().describe() + " against " + r.source().describe() + " at block " + r.block());
                Table t = new Table("TABLE", "VERSIONS", "RANGES", "RESULT");
                for (VerifyReport.Table table : r.tables()) {
                    t.row(table.entityType(), table.rows(), table.ranges(), table.firstDifference().map(d ->
                            "DIFFERS in vids " + d.fromVid() + ".." + (d.toVid() - 1) + " (source " + d.sourceRows()
                                    + " versions, copy " + d.copyRows() + ")").orElse("identical"));
                }
                t.print(out());
                out().println(r.identical() ? "identical" : "the copy differs from its source");
            }
            return r.identical() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private static Map<String, Object> asMap(VerifyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("copy", r.copy().namespace().value());
        m.put("source", r.source().namespace().value());
        m.put("block", r.block());
        m.put("identical", r.identical());
        List<Map<String, Object>> tables = r.tables().stream().map(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("table", t.entityType());
            x.put("versions", t.rows());
            x.put("ranges", t.ranges());
            x.put("first_difference", t.firstDifference().map(d -> Map.of("from_vid", d.fromVid(), "to_vid", d.toVid() - 1,
                    "source_versions", d.sourceRows(), "copy_versions", d.copyRows())).orElse(null));
            return x;
        }).toList();
        m.put("tables", tables);
        return m;
    }
}
