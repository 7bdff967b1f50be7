package io.graphstore.graphman.database;

import picocli.CommandLine.Command;

/** {@code graphman database}: commands that act on every shard's database. */
@Command(name = "database", mixinStandardHelpOptions = true,
        description = "Manage the shards' databases: schema migrations, postgres_fdw wiring, mirrors.",
        subcommands = {DatabaseMigrate.class, DatabaseRemap.class, DatabaseCheck.class, DatabaseMirror.class})
public final class DatabaseCommand {
}
