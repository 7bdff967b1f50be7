package io.graphstore.graphman.copy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.DeploymentRule;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.Fields;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Help;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.CopyInfo;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.Site;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman copy create SRC SHARD NODE}: record a copy of a deployment in another shard. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Record a copy of SRC in SHARD and assign it to NODE, which runs it.",
            "The copy takes the source's data up to its head minus --offset blocks (the",
            "target block), then catches up with the source. It stays inactive unless",
            "--activate or --replace is given. Nothing is copied yet: 'graphman copy run",
            "sgdN' runs it here, or a 'graphman node --node-id NODE' runs it. Bad input",
            "(unknown deployment, same or unknown shard, a shard that has a copy already,",
            "an unknown node, a negative offset) writes nothing."})
public final class CopyCreate extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "SRC", description = Help.DEPLOYMENT)
    String source;

    @Parameters(index = "1", paramLabel = "SHARD", description = "the shard to copy into; not the source's")
    String shard;

    @Parameters(index = "2", paramLabel = "NODE", description = "the node that runs the copy, e.g. index_node_1: one a deployment rule names"
            + " in its indexers, or one that runs a deployment now")
    String node;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
            description = "copy up to N blocks behind the source's head; the copy catches up afterwards"
                    + " (default ${DEFAULT-VALUE})")
    int offset;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    WhenSynced whenSynced;

    @Option(names = "--transport", paramLabel = "copy|fdw", defaultValue = "copy",
            description = "how rows move: 'copy' streams COPY between the databases, 'fdw' is graph-node's"
                    + " INSERT … SELECT through postgres_fdw (default ${DEFAULT-VALUE})")
    String transport;

    @Option(names = "--json", description = "print the new copy as JSON for scripts")
    boolean json;

    /** {@code --activate} or {@code --replace}, never both. */
    static final class WhenSynced {
        @Option(names = "--activate", required = true,
                description = "make the copy the active one once it has caught up")
        boolean activate;

        @Option(names = "--replace", required = true,
                description = "like --activate, and unassign the source, so it is removed later as unused")
        boolean replace;

        CopyAdmin.OnSync onSync() {
            return replace ? CopyAdmin.OnSync.REPLACE : CopyAdmin.OnSync.ACTIVATE;
        }
    }

    @Override
    public Integer call() {
        if (offset < 0) {
            throw new BadInputException("--offset " + offset + " is invalid; use 0 or more blocks");
        }
        ShardName into = ShardName.of(shard);
        NodeId runner = NodeId.of(node);
        Transport how = transport(transport);
        CopyAdmin.OnSync onSync = whenSynced == null ? CopyAdmin.OnSync.NONE : whenSynced.onSync();
        CopyView.Shown shown;
        try (ShardedStore store = openStore(loadConfig())) {
            CopyAdmin admin = new CopyAdmin(store);
            Site dst = admin.create(source, into, runner, offset, onSync, how);
            shown = CopyView.shown(store, admin.status(dst.namespace().value()));
            boolean known = store.config().rules().stream().map(DeploymentRule::indexers)
                    .anyMatch(nodes -> nodes.contains(runner));
            if (!known) {
                err().println("warning: no deployment rule lists node '" + runner + "' among its indexers; check the"
                        + " spelling and that a node with that id runs, or run the copy with 'graphman copy run "
                        + dst.namespace() + "'");
            }
        }
        CopyInfo info = shown.info();
        if (json) {
            out().println(Json.write(CopyView.asMap(shown)));
            return ExitCode.OK;
        }
        out().println("created " + info.dst().namespace() + " in " + info.dst().shard() + ": a copy of "
                + info.src().describe());
        new Fields()
                .add("node", shown.nodeLabel())
                .add("target block", info.targetBlock() + (offset > 0 ? " (" + offset + " blocks behind the head)" : ""))
                .add("on sync", CopyView.onSync(info))
                .add("transport", info.transport())
                .add("state", info.state())
                .print(out());
        out().println("next: 'graphman copy run " + info.dst().namespace() + "' runs it here with a progress bar, or a"
                + " 'graphman node --node-id " + runner + "' runs it");
        return ExitCode.OK;
    }

    static Transport transport(String raw) {
        for (Transport t : Transport.values()) {
            if (t.label().equals(raw.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new BadInputException("--transport " + Echo.quoted(raw) + " is invalid; use copy (the default) or fdw");
    }
}
