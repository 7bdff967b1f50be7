package io.graphstore.graphman.config;

import picocli.CommandLine.Command;

/** {@code graphman config}: commands that read the config file only. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check the config, show placement and pool sizes (no database needed).",
        subcommands = {ConfigCheck.class, ConfigPlace.class, ConfigPools.class})
public final class ConfigCommand {
}
