package io.graphstore.store.domain;

import io.graphstore.common.BadInputException;

/** The id of one site (copy of a deployment): {@code deployment_schemas.id}, positive. */
public record DeploymentId(int value) implements Comparable<DeploymentId> {
    public DeploymentId {
        if (value <= 0) {
            throw new BadInputException("deployment id " + value + " is invalid; ids are positive");
        }
    }

    public static DeploymentId of(int value) {
        return new DeploymentId(value);
    }

    public Namespace namespace() {
        return Namespace.of(this);
    }

    @Override
    public int compareTo(DeploymentId o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
