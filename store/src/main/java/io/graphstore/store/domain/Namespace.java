package io.graphstore.store.domain;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import java.util.regex.Pattern;

/**
 * The PostgreSQL schema holding one site's entity tables: {@code sgd<N>} where N is the
 * site's id. Safe to use as an SQL identifier without quoting.
 */
public record Namespace(String value) {
    private static final Pattern VALID = Pattern.compile("sgd[1-9][0-9]{0,9}");

    public Namespace {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new BadInputException("namespace " + Echo.quoted(value) + " is invalid; a namespace is 'sgd' followed by the site id, like sgd42");
        }
    }

    public static Namespace of(DeploymentId id) {
        return new Namespace("sgd" + id.value());
    }

    public static Namespace parse(String value) {
        return new Namespace(value);
    }

    public static boolean looksLike(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    public DeploymentId id() {
        return DeploymentId.of(Integer.parseInt(value.substring(3)));
    }

    /** {@code sgd42.token} */
    public String qualify(String table) {
        return value + "." + table;
    }

    @Override
    public String toString() {
        return value;
    }
}
