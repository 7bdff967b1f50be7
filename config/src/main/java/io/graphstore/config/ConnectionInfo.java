package io.graphstore.config;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where and as whom to connect to one PostgreSQL database, taken from a
 * {@code postgresql://USER:PASSWORD@HOST[:PORT]/DB[?k=v&..]} URL. Every part is required
 * because postgres_fdw user mappings need all of them.
 *
 * <p>The password is a {@link Secret}: {@link #toString()} is {@link #masked()}, and neither
 * {@link #jdbcUrl()} nor any error raised while parsing contains it. Only a driver hand-off
 * should call {@code password().reveal()}.
 */
public record ConnectionInfo(String user, Secret password, String host, int port, String database,
                             Map<String, String> params) {
    public static final int DEFAULT_PORT = 5432;

    public ConnectionInfo {
        Objects.requireNonNull(password, "password");
        requireText(user, "user");
        requireText(host, "host");
        requireText(database, "database");
        if (password.isEmpty()) {
            throw new BadInputException("connection password must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new BadInputException("connection port " + port + " is out of range 1 to 65535");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Parses a connection URL; {@code tomlPath} (such as {@code store.primary.connection}) is
     * named in the error. The error says what is wrong but never repeats the URL.
     */
    public static ConnectionInfo parse(String url, String tomlPath) {
        return ConnectionUrl.parse(url, tomlPath);
    }

    /** {@code jdbc:postgresql://host:port/db?params}; user and password go in driver properties. */
    public String jdbcUrl() {
        String query = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + hostAndPort() + "/" + encode(database)
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** {@code postgresql://user:***@host:port/db}: safe for logs and output. */
    public String masked() {
        return "postgresql://" + user + ":" + Secret.MASK + "@" + hostAndPort() + "/" + database;
    }

    /** Host and port as a URL writes them; an IPv6 address is put in brackets. */
    public String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return masked();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new BadInputException("connection " + what + " must not be empty");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
