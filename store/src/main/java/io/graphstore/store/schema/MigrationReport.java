package io.graphstore.store.schema;

import java.util.List;

/** The outcome of schema management for every configured shard, in config order. */
public record MigrationReport(List<ShardMigration> shards) {
    public MigrationReport {
        shards = List.copyOf(shards);
    }

    public boolean allOk() {
        return shards.stream().allMatch(s -> s.ok() || s.status() == ShardMigration.Status.IGNORED);
    }

    public int migrationsApplied() {
        return shards.stream().mapToInt(ShardMigration::migrationsApplied).sum();
    }
}
