package io.graphstore.graphman.chain;

import io.graphstore.common.ShardName;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Progress;
import io.graphstore.graphman.cli.StopSignal;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.chain.ChainMove;
import io.graphstore.store.chain.ChainMover;
import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman chain change-shard NAME SHARD}: move a chain's block data to another shard. */
@Command(name = "change-shard", mixinStandardHelpOptions = true,
        description = {"Move a chain's block data to another shard.",
            "Copies the blocks in batches (a progress bar goes to stderr), verifies every",
            "range (row count and md5 on both sides), points the directory at SHARD in",
            "one transaction and drops the old namespace. Resumable: a run that was",
            "stopped (Ctrl-C, SIGTERM) or killed continues where it was when run again.",
            "Naming the chain's current shard while a move is under way gives the move up."})
public final class ChainChangeShard extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the chain (network), e.g. mainnet")
    String name;

    @Parameters(index = "1", paramLabel = "SHARD", description = "the shard to move its block data to")
    String shard;

    @Option(names = "--batch-size", paramLabel = "BLOCKS", defaultValue = "" + ChainMover.DEFAULT_BATCH,
            description = "blocks per batch and per verified range (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--json", description = "print the result as JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        ShardName target = ShardName.of(shard);
        return StopSignal.run("graphman-chain-move-shutdown", stop -> {
            try (ShardedStore store = openStore(loadConfig())) {
                ChainMover mover = new io.graphstore.store.admin.ChainAdmin(store).changeShard(name, target, batch);
                ChainMove result;
                ProgressBar[] bar = {null};
                String[] phase = {""};
                try {
                    result = mover.run(stop, p -> {
                        if (!p.phase().equals(phase[0])) {
                            if (bar[0] != null) {
                                bar[0].close();
                            }
                            phase[0] = p.phase();
                            bar[0] = Progress.bar(err(), name + " " + p.phase(), p.total(), "blocks");
                        }
                        bar[0].stepTo(p.done());
                    });
                } finally {
                    if (bar[0] != null) {
                        bar[0].close();
                    }
                }
                return report(result);
            }
        });
    }

    private int report(ChainMove r) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chain", r.chain());
            m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
            m.put("from", r.from());
            m.put("to", r.to());
            m.put("namespace", r.namespace());
            m.put("blocks", r.blocks());
            m.put("earliest_block", r.earliest().orElse(null));
            m.put("latest_block", r.latest().orElse(null));
            m.put("copied", r.copied());
            m.put("batches", r.batches());
            m.put("verified_ranges", r.verifiedRanges());
            m.put("repaired_ranges", r.repairedRanges());
            m.put("next_block", r.next().orElse(null));
            m.put("problem", r.problem().orElse(null));
            out().println(Json.write(m));
        } else {
            out().println(line(r));
        }
        out().flush();
        return r.outcome() == ChainMove.Outcome.OLD_NOT_DROPPED ? ExitCode.FAILURE : ExitCode.OK;
    }

    private String line(ChainMove r) {
        String range = r.earliest().map(e -> " (" + e + " - " + r.latest().orElse(e) + ")").orElse("");
        String work = r.copied() + " blocks copied in " + r.batches() + " batches, " + r.verifiedRanges()
                + " ranges verified" + (r.repairedRanges() > 0 ? " (" + r.repairedRanges() + " copied again)" : "");
        return switch (r.outcome()) {
            case MOVED -> "chain " + r.chain() + " moved from shard '" + r.from() + "' to '" + r.to() + "': " + r.blocks()
                    + " blocks" + range + " in " + r.namespace() + "; this run: " + work + "; " + r.namespace()
                    + " dropped from '" + r.from() + "'; set [chains." + r.chain() + "] shard = \"" + r.to()
                    + "\" in the config to match";
            case STOPPED -> "chain " + r.chain() + " move to '" + r.to() + "' stopped before block " + r.next().orElse(0L)
                    + " (" + work + "); the chain stays in '" + r.from() + "' until it is done; resume with"
                    + " 'graphman chain change-shard " + r.chain() + " " + r.to() + "'";
            case OLD_NOT_DROPPED -> "chain " + r.chain() + " now lives in shard '" + r.to() + "' (" + r.blocks()
                    + " blocks), but " + r.problem().orElse("the old namespace was not dropped")
                    + "; run 'graphman chain change-shard " + r.chain() + " " + r.to() + "' again to drop it";
            case CANCELLED -> "chain " + r.chain() + ": the move to '" + r.from() + "' was given up and its partial copy"
                    + " dropped; the chain stays in '" + r.to() + "' (" + r.blocks() + " blocks)";
        };
    }
}
