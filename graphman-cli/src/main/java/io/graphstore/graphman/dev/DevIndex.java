package io.graphstore.graphman.dev;

import io.graphstore.common.BadInputException;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Help;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Progress;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ChainAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.shard.DeploymentData;
import io.graphstore.store.shard.Head;
import io.graphstore.store.synthetic.SyntheticIndexer;
import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman dev index DEPLOYMENT}: fill a deployment with synthetic blocks. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Write N synthetic blocks after the head of a deployment.",
            "Each block has M entity changes (about 55%% creates, 30%% updates, 15%%",
            "deletes); every 50 blocks a 3-block reorg is reverted and rewritten. The",
            "synthetic chain's blocks go to the chain's namespace in its shard. A",
            "progress bar goes to stderr. The same seed and schema give the same data."})
public final class DevIndex extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = Help.DEPLOYMENT)
    String deployment;

    @Option(names = "--blocks", paramLabel = "N", required = true, description = "blocks to write, 1 or more")
    int blocks;

    @Option(names = "--changes-per-block", paramLabel = "M", required = true,
            description = "entity changes per block, 1 or more")
    int changesPerBlock;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print the result as JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        requirePositive("--blocks", blocks);
        requirePositive("--changes-per-block", changesPerBlock);
        try (ShardedStore store = openStore(loadConfig())) {
            Site site = store.directory().resolveOne(deployment);
            DeploymentData data = store.deployments().data(site);
            SyntheticIndexer indexer = new SyntheticIndexer(data, seed, changesPerBlock)
                    .withChain(new ChainAdmin(store).ingest(site));
            Head before = data.head();
            int start = before.number().map(n -> n + 1).orElse(before.earliestBlock());
            long began = System.nanoTime();
            Head head;
            try (ProgressBar bar = Progress.bar(err(), site.namespace().value(), blocks, "blocks")) {
                head = indexer.run(blocks, b -> bar.stepTo(Math.max(bar.getCurrent(), b - start + 1L)));
            }
            double seconds = Math.max((System.nanoTime() - began) / 1e9, 1e-9);
            print(site, head, seconds, indexer.changesWritten());
        }
        return ExitCode.OK;
    }

    private void print(Site site, Head head, double seconds, long versions) {
        double blocksPerSecond = blocks / seconds;
        double versionsPerSecond = versions / seconds;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("namespace", site.namespace().value());
            m.put("shard", site.shard().value());
            m.put("head", head.number().orElse(null));
            m.put("entities", head.entityCount());
            m.put("blocks", blocks);
            m.put("seconds", Math.round(seconds * 1000) / 1000.0);
            m.put("blocks_per_second", Math.round(blocksPerSecond * 10) / 10.0);
            m.put("entity_versions_per_second", Math.round(versionsPerSecond * 10) / 10.0);
            out().println(Json.write(m));
            return;
        }
        out().printf("%s: head %s, %d entities; %d blocks in %.1f s: %.1f blocks/s, %.0f entity versions/s%n",
                site.describe(), head.number().map(String::valueOf).orElse("none"), head.entityCount(), blocks,
                seconds, blocksPerSecond, versionsPerSecond);
        out().flush();
    }

    private static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new BadInputException(option + " " + value + " is invalid; use 1 or more");
        }
    }
}
