package io.graphstore.config;

import io.graphstore.common.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code postgres[ql]://USER:PASSWORD@HOST[:PORT]/DB[?k=v&..]}, accepting what
 * graph-node accepts (it reads the URL with the WHATWG rules of the {@code url} crate: the
 * last {@code @} ends the user and password). Because the text holds a password, no error
 * message ever contains any part of it: errors only say which part is missing or malformed.
 * {@link ConnectionPart} checks each part for control characters and absurd lengths.
 */
final class ConnectionUrl {
    static final String SHAPE = "must be postgresql://USER:PASSWORD@HOST[:PORT]/DB";
    static final String FIX = "fix the connection string";
    static final String ENCODE = "percent-encode special characters in the user and "
            + "password (@ as %40, : as %3A, / as %2F, ? as %3F, # as %23, % as %25)";
    /** DNS names are at most 253 characters; nothing longer can be resolved. */
    static final int MAX_HOST = 253;
    /** PostgreSQL refuses a startup message (user, database, options) over 10 000 bytes. */
    static final int MAX_STARTUP_BYTES = 10_000;
    /** PostgreSQL's limit on an authentication message (PG_MAX_AUTH_TOKEN_LENGTH). */
    static final int MAX_PASSWORD_BYTES = 65_535;

    private ConnectionUrl() {
    }

    static ConnectionInfo parse(String url, String path) {
        String rest = withoutScheme(url.strip(), path);
        int authorityEnd = firstOf(rest, '/', '?');
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            throw rest.indexOf('@') >= 0
                    ? fail(path, "a '/' or '?' in the user or password is not percent-encoded",
                            ENCODE)
                    : fail(path, "user and password missing", FIX);
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw fail(path, "password missing", FIX);
        }
        String user = ConnectionPart.USER.decode(userInfo.substring(0, colon), path);
        String password = ConnectionPart.PASSWORD.decode(userInfo.substring(colon + 1), path);
        if (user.isEmpty()) {
            throw fail(path, "user missing", FIX);
        }
        if (password.isEmpty()) {
            throw fail(path, "password missing", FIX);
        }
        String hostPort = authority.substring(at + 1);
        String host = host(hostPort, path);
        int port = port(hostPort, host, path);
        if (!tail.startsWith("/")) {
            throw fail(path, "database missing", FIX);
        }
        int query = tail.indexOf('?');
        int dbEnd = query < 0 ? tail.length() : query;
        String db = ConnectionPart.DATABASE.decode(tail.substring(1, dbEnd), path);
        if (db.isEmpty()) {
            throw fail(path, "database missing", FIX);
        }
        Map<String, String> params = query < 0 ? Map.of() : params(tail.substring(query + 1), path);
        return new ConnectionInfo(user, new Secret(password), host, port, db, params);
    }

    private static String withoutScheme(String url, String path) {
        for (String scheme : new String[] {"postgresql://", "postgres://"}) {
            if (url.startsWith(scheme)) {
                return url.substring(scheme.length());
            }
        }
        throw fail(path, "scheme must be postgresql:// or postgres://",
                "write the connection as a URL; key=value connection strings are not supported");
    }

    private static String host(String hostPort, String path) {
        String host;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close < 0 ? "" : hostPort.substring(1, close);
            if (!host.isEmpty() && !isIpv6(host)) {
                throw fail(path, "the host in brackets is not an IPv6 address",
                        "write an IPv6 address like [::1]:5432, or a host name without brackets");
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon > 0 && hostPort.indexOf(':') < colon) {
                throw isIpv6(hostPort)
                        ? fail(path, "an IPv6 address must be in brackets", "write it like [::1]:5432")
                        : fail(path, "the host and port hold more than one ':'", FIX);
            }
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        }
        ConnectionPart.HOST.check(host, path);
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw fail(path, "host missing or malformed", FIX);
        }
        if (host.length() > MAX_HOST) {
            throw fail(path, "the host name is " + host.length() + " characters long; DNS names have "
                    + "at most " + MAX_HOST, FIX);
        }
        return host;
    }

    private static boolean isIpv6(String text) {
        return text.indexOf(':') >= 0 && text.chars().allMatch(c -> c == ':' || c == '.'
                || Character.digit(c, 16) >= 0);
    }

    private static int port(String hostPort, String host, String path) {
        int hostEnd = hostPort.startsWith("[") ? host.length() + 2 : host.length();
        String port = hostPort.substring(hostEnd);
        if (port.isEmpty()) {
            return ConnectionInfo.DEFAULT_PORT;
        }
        String digits = port.substring(1);
        if (!port.startsWith(":") || !digits.matches("[0-9]{1,5}")
                || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw fail(path, "port must be a number from 1 to 65535", FIX);
        }
        return Integer.parseInt(digits);
    }

    private static Map<String, String> params(String query, String path) {
        ConnectionPart.QUERY.check(query, path);
        ConnectionPart.QUERY.checkLength(query, path);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = ConnectionPart.QUERY.decode(eq < 0 ? pair : pair.substring(0, eq), path);
            if (key.isEmpty()) {
                throw fail(path, "query parameter without a name", FIX);
            }
            params.put(key, eq < 0 ? "" : ConnectionPart.QUERY.decode(pair.substring(eq + 1), path));
        }
        return params;
    }

    private static int firstOf(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return text.length();
    }

    static ConfigException fail(String path, String what, String hint) {
        return new ConfigException(path, SHAPE + " (" + what + ")", hint);
    }
}
