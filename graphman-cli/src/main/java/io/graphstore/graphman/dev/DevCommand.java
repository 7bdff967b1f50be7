package io.graphstore.graphman.dev;

import picocli.CommandLine.Command;

/** {@code graphman dev}: start, stop and inspect the embedded dev cluster. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run the embedded dev cluster; fill deployments with synthetic data.",
            "The cluster has one real PostgreSQL 15 server per shard, from binaries on",
            "Maven Central. State lives in .graphman/ of --dev-dir; its config is",
            ".graphman/config.toml, which graphman uses when no --config is given.",
            "'dev index' fills a deployment with synthetic blocks."},
        subcommands = {DevUp.class, DevDown.class, DevStatus.class, DevIndex.class})
public final class DevCommand {
}
