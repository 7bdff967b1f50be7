package io.graphstore.config;

import io.graphstore.common.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code postgres[ql]://USER:PASSWORD@HOST[:PORT]/DB[?k=v&..]}. Because the text holds
 * a password, no error message ever contains any part of it: errors only say which part is
 * missing or malformed.
 */
final class ConnectionUrl {
    private static final String SHAPE = "must be postgresql://USER:PASSWORD@HOST[:PORT]/DB";
    private static final String FIX = "fix the connection string";
    private static final String ENCODE = "percent-encode special characters in the user and "
            + "password (@ as %40, : as %3A, / as %2F, ? as %3F, % as %25)";

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
        String user = decode(userInfo.substring(0, colon), path, "user");
        String password = decode(userInfo.substring(colon + 1), path, "password");
        if (user.isEmpty()) {
            throw fail(path, "user missing", FIX);
        }
        if (password.isEmpty()) {
            throw fail(path, "password missing", FIX);
        }
        String hostPort = authority.substring(at + 1);
        String host = host(hostPort, path);
        int port = port(hostPort, host, path);
        int query = tail.indexOf('?');
        int dbEnd = query < 0 ? tail.length() : query;
        String db = tail.isEmpty() ? "" : decode(tail.substring(1, dbEnd), path, "database");
        if (!tail.startsWith("/") || db.isEmpty()) {
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
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw fail(path, "host missing or malformed", FIX);
        }
        return host;
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
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), path, "query");
            if (key.isEmpty()) {
                throw fail(path, "query parameter without a name", FIX);
            }
            params.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1), path, "query"));
        }
        return params;
    }

    /** Percent-decoding as URLs define it; unlike form decoding, '+' stays '+'. */
    private static String decode(String text, String path, String part) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(bytes[i + 2], 16);
            if (lo < 0) {
                throw fail(path, "invalid percent-encoding in the " + part, ENCODE);
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int firstOf(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return text.length();
    }

    private static ConfigException fail(String path, String what, String hint) {
        return new ConfigException(path, SHAPE + " (" + what + ")", hint);
    }
}
