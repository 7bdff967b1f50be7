package io.graphstore.store.schema;

import io.graphstore.common.ShardName;
import java.util.Optional;

/**
 * What happened to one shard's schema during an open. Versions are Flyway versions of the
 * {@code shard} set, and for the primary also of the {@code primary} set; empty means the set
 * had never been applied.
 */
public record ShardMigration(
        ShardName shard,
        Status status,
        Optional<String> shardVersionBefore,
        Optional<String> shardVersionAfter,
        Optional<String> primaryVersionBefore,
        Optional<String> primaryVersionAfter,
        int migrationsApplied,
        Optional<String> problem) {

    public enum Status {
        /** At least one migration was applied. */
        MIGRATED,
        /** Already at the latest version; nothing changed. */
        UP_TO_DATE,
        /** The shard did not answer within the connect timeout; try again later. */
        UNREACHABLE,
        /** The primary could not be reached, so nothing was migrated (migrations need its lock). */
        WAITING_FOR_PRIMARY,
        /** This node's pool size for the shard is 0; another node manages it. */
        IGNORED,
        /** Reachable, but a migration failed. */
        FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public boolean ok() {
        return status == Status.MIGRATED || status == Status.UP_TO_DATE;
    }

    static ShardMigration skipped(ShardName shard, Status status, String problem) {
        return new ShardMigration(shard, status, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, Optional.of(problem));
    }
}
