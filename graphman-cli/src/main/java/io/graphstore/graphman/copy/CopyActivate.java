package io.graphstore.graphman.copy;

import io.graphstore.common.ShardName;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.Site;
import io.graphstore.store.primary.AssignmentDao;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman copy activate HASH SHARD}: make the copy in SHARD the active one. */
@Command(name = "activate", mixinStandardHelpOptions = true,
        description = {"Make the copy of HASH in SHARD the active copy.",
            "Queries and writes go to it from then on. It must have finished copying.",
            "The copy that was active replays its last blocks into it first, then",
            "follows it, so nothing is lost and activating the old copy again switches",
            "back."})
public final class CopyActivate extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "HASH", description = "deployment hash: Qm followed by 44 base58 characters")
    String hash;

    @Parameters(index = "1", paramLabel = "SHARD", description = "the shard holding the copy to activate")
    String shard;

    @Override
    public Integer call() {
        DeploymentHash deployment = DeploymentHash.of(hash);
        ShardName in = ShardName.of(shard);
        try (ShardedStore store = openStore(loadConfig())) {
            Optional<Site> before = store.directory().activeSite(deployment);
            Site now = new CopyAdmin(store).activate(deployment, in);
            if (before.isEmpty() || before.get().id().equals(now.id())) {
                out().println(now.describe() + " is the active copy (it was already)");
                return ExitCode.OK;
            }
            Site old = before.get();
            out().println(now.describe() + " is now the active copy");
            Optional<String> node = store.directory().assignment(old.id()).map(AssignmentDao.Row::nodeId);
            out().println(node.map(n -> CopyView.site(old) + " follows it (node " + n + "); 'graphman copy activate "
                            + deployment + " " + old.shard() + "' switches back")
                    .orElse(CopyView.site(old) + " is unassigned, so it does not follow it; assign it with"
                            + " 'graphman reassign " + old.namespace() + " NODE' to keep it in step"));
        }
        return ExitCode.OK;
    }
}
