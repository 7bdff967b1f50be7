package io.graphstore.graphman.database;

import picocli.CommandLine.Command;

/** {@code graphman database}: commands that act on every shard's database. */
@Command(name = "database", mixinStandardHelpOptions = true,
        description = "Manage the shards' databases.",
        subcommands = {DatabaseMigrate.class})
public final class DatabaseCommand {
}
