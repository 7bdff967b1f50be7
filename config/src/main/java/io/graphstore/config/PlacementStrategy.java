package io.graphstore.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a deployment rule picks one of several shards or indexers (a graph-store extension of
 * the graph-node format, key {@code strategy}).
 */
public enum PlacementStrategy {
    /** The candidate with the fewest assigned deployments; ties go to the first listed. */
    LEAST_USED("least_used"),
    /** Rendezvous hashing of the deployment name: a pure function of the name. */
    HRW("hrw");

    private final String tomlName;

    PlacementStrategy(String tomlName) {
        this.tomlName = tomlName;
    }

    /** The value written in the config file. */
    public String tomlName() {
        return tomlName;
    }

    public static Optional<PlacementStrategy> fromToml(String value) {
        return Arrays.stream(values()).filter(s -> s.tomlName.equals(value)).findFirst();
    }

    /** {@code least_used, hrw}: for error messages. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(PlacementStrategy::tomlName)
                .collect(Collectors.joining(", "));
    }
}
