package io.graphstore.migrations;

/**
 * Where the two Flyway sets live on the classpath and which history table each keeps.
 * Set {@code shard} is applied to every database, the primary included; set
 * {@code primary} is applied to the primary only, after the shard set.
 */
public enum MigrationSets {
    SHARD("classpath:db/shard", "flyway_shard_history"),
    PRIMARY("classpath:db/primary", "flyway_primary_history");

    private final String location;
    private final String historyTable;

    MigrationSets(String location, String historyTable) {
        this.location = location;
        this.historyTable = historyTable;
    }

    public String location() {
        return location;
    }

    public String historyTable() {
        return historyTable;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
