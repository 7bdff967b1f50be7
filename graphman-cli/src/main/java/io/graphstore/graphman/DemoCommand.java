package io.graphstore.graphman;

import io.graphstore.common.NodeId;
import io.graphstore.config.Config;
import io.graphstore.config.ConfigLoader;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Progress;
import io.graphstore.graphman.database.MigrationTable;
import io.graphstore.graphman.deployment.InfoView;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeployResult;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.common.ShardName;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.InfoAdmin;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.embedded.EmbeddedCluster;
import io.graphstore.store.shard.DeploymentData;
import io.graphstore.store.shard.Head;
import io.graphstore.store.synthetic.SyntheticIndexer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;

/**
 * {@code graphman demo}: the main job on the embedded default. Starts the dev cluster,
 * checks its config, migrates every shard, deploys three sample subgraphs placed by the
 * deployment rules, indexes a few thousand blocks into each and shows them. Safe to run
 * again: what exists is kept and only indexed up to the same head.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the dev cluster, deploy, index and copy three sample subgraphs.",
            "The cluster has three shards (primary, shard_a, shard_b); the subgraphs are placed",
            "by the config's deployment rules and filled by the synthetic indexer; vip/token is",
            "then copied to another shard and activated. Safe to run again; stop the servers",
            "with 'graphman dev down'."})
public final class DemoCommand extends GraphmanCommand {
    /** Head block every sample deployment is indexed to. */
    static final int TARGET_HEAD = 2_999;
    static final int CHANGES_PER_BLOCK = 20;

    private record Sample(String name, String hash, String network) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("vip/token", "Qm5cRo5tm8WuRQgpCB2SEYXuEhCvak19XaLrQkfu9jdWbh", "mainnet"),
            new Sample("org/exchange", "QmLTEuaUuViYMfipgHGNGvoqAcSBxsdzvJRsJcBMC88YjB", "mainnet"),
            new Sample("org/nft", "QmN8vPAGzb7t8iPzSYJdJNqZvR4PDeYZS7XBJ4MjHMBtpp", "sepolia"));

    @Override
    public Integer call() {
        PrintWriter out = out();
        EmbeddedCluster cluster = devCluster();
        step(out, "1. start the dev cluster (real PostgreSQL 15 servers, one per shard)");
        io.graphstore.graphman.dev.ServerTable.print(cluster.up(3), out);

        step(out, "2. check the config it wrote");
        Config config = ConfigLoader.load(cluster.configFile());
        out.println(io.graphstore.graphman.config.ConfigCheck.summary(config, cluster.configFile()));

        step(out, "3. open the store: migrate every shard, wire them with postgres_fdw");
        try (ShardedStore store = ShardedStore.open(config, nodeId(), storeOptions())) {
            MigrationTable.print(store.migrationReport(), out);
            if (!store.migrationReport().allOk()) {
                return ExitCode.FAILURE;
            }
            step(out, "4. deploy three sample subgraphs, placed by the deployment rules");
            DeploymentAdmin admin = new DeploymentAdmin(store);
            String schema = sampleSchema();
            for (Sample s : SAMPLES) {
                deploy(admin, store, s, schema, out);
            }
            step(out, "5. index them with the synthetic indexer (" + CHANGES_PER_BLOCK + " changes a block,"
                    + " a reorg every " + SyntheticIndexer.REORG_EVERY + " blocks)");
            for (Sample s : SAMPLES) {
                index(store, store.directory().resolveOne(s.name()), out);
            }
            step(out, "6. copy vip/token to another shard with --activate (graphman copy create --activate)");
            copyAndActivate(store, out);
            step(out, "7. graphman copy list");
            io.graphstore.graphman.copy.CopyList.print(store, new CopyAdmin(store).list(), out);
            step(out, "8. graphman info");
            InfoView.printTable(new InfoAdmin(store).info(Optional.empty()), out);
            out.println();
            out.println("next: ./graphman info vip/token, ./graphman copy activate " + SAMPLES.get(0).hash()
                    + " <shard> (switch back), ./graphman copy verify <sgdN>, psql: select * from info.deployments,"
                    + " ./graphman dev down");
            return ExitCode.OK;
        }
    }

    private static void deploy(DeploymentAdmin admin, ShardedStore store, Sample s, String schema, PrintWriter out) {
        SubgraphName name = SubgraphName.of(s.name());
        DeploymentHash hash = DeploymentHash.of(s.hash());
        boolean current = store.directory().namesFor(hash).stream()
                .anyMatch(r -> r.name().equals(s.name()) && r.status().equals("current"));
        if (current && !store.directory().sites(hash).isEmpty()) {
            Site site = store.directory().resolveOne(s.name());
            out.printf("%-13s already deployed: %s%n", s.name(), site.describe());
            return;
        }
        DeployResult r = admin.deploy(new DeployRequest(name, hash, schema, "samples/token.graphql",
                Optional.of(s.network()), Optional.<NodeId>empty()));
        out.printf("%-13s -> %s in %s on node %s (%s)%n", s.name(), r.site().namespace(), r.site().shard(), r.node(),
                r.placement().orElse("existing deployment"));
    }

    /** Copies vip/token to the other non-primary shard and activates the copy, unless that was done before. */
    private void copyAndActivate(ShardedStore store, PrintWriter out) {
        Site active = store.directory().resolveOne("vip/token");
        ShardName target = active.shard().value().equals("shard_b") ? ShardName.of("shard_a") : ShardName.of("shard_b");
        if (store.directory().sites(active.hash()).size() > 1) {
            out.println("vip/token already has a copy; its active copy is " + active.describe());
            return;
        }
        CopyAdmin copies = new CopyAdmin(store);
        Site copy = copies.create("vip/token", target, nodeId(), 0, CopyAdmin.OnSync.ACTIVATE, Transport.COPY);
        out.printf("created %s in %s, assigned to %s%n", copy.namespace(), copy.shard(), nodeId());
        CopyRunner.Outcome outcome;
        try (ProgressBar bar = Progress.bar(err(), copy.namespace() + " " + copy.shard(), 1, "rows")) {
            outcome = new CopyRunner(store, copy, () -> false, p -> {
                bar.maxHint(p.total());
                bar.stepTo(p.done());
            }).run();
        }
        out.printf("copy %s: %s; vip/token is now served by %s%n", copy.namespace(),
                outcome.name().toLowerCase(java.util.Locale.ROOT), store.directory().resolveOne("vip/token").describe());
    }

    private void index(ShardedStore store, Site site, PrintWriter out) {
        DeploymentData data = store.deployments().data(site);
        Head head = data.head();
        int next = head.number().map(n -> n + 1).orElse(0);
        int blocks = TARGET_HEAD + 1 - next;
        if (blocks <= 0) {
            out.printf("%s is already at block %d with %d entities%n", site.namespace(), head.number().orElse(0),
                    head.entityCount());
            return;
        }
        SyntheticIndexer indexer = new SyntheticIndexer(data, site.id().value(), CHANGES_PER_BLOCK)
                .withChain(new io.graphstore.store.admin.ChainAdmin(store).ingest(site));
        long start = System.nanoTime();
        try (ProgressBar bar = Progress.bar(err(), site.namespace() + " " + site.shard(), blocks, "blocks")) {
            head = indexer.run(blocks, b -> bar.stepTo(Math.max(bar.getCurrent(), b - next + 1L)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("%s: %d blocks in %.1f s, head %d, %d entities, %.0f entity versions/s%n", site.namespace(),
                blocks, seconds, head.number().orElse(0), head.entityCount(), indexer.changesWritten() / seconds);
    }

    private static String sampleSchema() {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/token.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void step(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }
}
