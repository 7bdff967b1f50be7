package io.graphstore.graphman.config;

import picocli.CommandLine.Command;

/** {@code graphman config}: commands that read the config file ({@code place} may also ask the directory). */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Check the config, show placement and pool sizes.",
            "These read the config file; 'config place' also asks the database which",
            "shard and node would win, when it is reachable."},
        subcommands = {ConfigCheck.class, ConfigPlace.class, ConfigPools.class})
public final class ConfigCommand {
}
