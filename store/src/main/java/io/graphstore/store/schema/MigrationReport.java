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

    /** The shards that answered and are at the latest schema. */
    public java.util.Set<io.graphstore.common.ShardName> ready() {
        return shards.stream().filter(ShardMigration::ok).map(ShardMigration::shard)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public int migrationsApplied() {
        return shards.stream().mapToInt(ShardMigration::migrationsApplied).sum();
    }
}
