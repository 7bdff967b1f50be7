package io.graphstore.graphman.deployment;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Help;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DataAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.shard.Head;
import java.util.HexFormat;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman rewind DEPLOYMENT BLOCK}: revert a site's data to an earlier block. */
@Command(name = "rewind", mixinStandardHelpOptions = true,
        description = {"Revert a deployment to an earlier block.",
            "Every change after BLOCK is undone and the head moves back to BLOCK, which",
            "must lie between the earliest block and the head. The new head's hash is",
            "--block-hash, else the synthetic chain's hash of BLOCK."})
public final class RewindCommand extends GraphmanCommand {
    private static final String HEX_DIGITS = "0123456789abcdefABCDEF";

    @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = Help.DEPLOYMENT)
    String deployment;

    @Parameters(index = "1", paramLabel = "BLOCK", description = "block number to rewind to (it stays)")
    int block;

    @Option(names = "--block-hash", paramLabel = "0xHEX", description = "hash of BLOCK on the chain")
    String blockHash;

    @Override
    public Integer call() {
        if (block < 0) {
            throw new BadInputException("block " + block + " is invalid; block numbers are 0 or more");
        }
        Optional<byte[]> hash = Optional.ofNullable(blockHash).map(RewindCommand::parseHex);
        try (ShardedStore store = openStore(loadConfig())) {
            Site site = store.directory().resolveOne(deployment);
            Head before = store.deployments().data(site).head();
            Head after = new DataAdmin(store).rewind(deployment, block, hash);
            out().println(site.describe() + ": head " + before.number().map(String::valueOf).orElse("none")
                    + " -> " + after.block().map(Object::toString).orElse("none")
                    + ", entities " + before.entityCount() + " -> " + after.entityCount());
        }
        return ExitCode.OK;
    }

    static byte[] parseHex(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.chars().allMatch(c -> HEX_DIGITS.indexOf(c) >= 0)) {
            throw new BadInputException("--block-hash " + Echo.quoted(text) + " is not a hash; give it as 0x followed by an even"
                    + " number of hex digits, like 0x1f2e3d…");
        }
        return HexFormat.of().parseHex(digits);
    }
}
