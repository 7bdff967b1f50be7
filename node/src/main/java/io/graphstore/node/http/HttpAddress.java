package io.graphstore.node.http;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import java.util.Optional;

/**
 * Where the node's HTTP surface listens: {@code host:port} ({@code 127.0.0.1:8040}, the
 * default, keeps it on loopback), or {@code off}. Port 0 picks a free port.
 */
public record HttpAddress(String host, int port) {
    public static final String DEFAULT = "127.0.0.1:8040";

    public HttpAddress {
        if (port < 0 || port > 65535) {
            throw new BadInputException("--http-addr port " + port + " is out of range; use 1 to 65535 (0: any free port)");
        }
    }

    /** The address, or empty for {@code off}. */
    public static Optional<HttpAddress> parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? "" : t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (colon < 0 || host.isEmpty() || !host.matches("[A-Za-z0-9.:-]+")) {
            throw new BadInputException("--http-addr " + Echo.quoted(text) + " is not host:port or off; use for example "
                    + DEFAULT + " (loopback) or 0.0.0.0:8040 (every interface)");
        }
        try {
            return Optional.of(new HttpAddress(host, Integer.parseInt(t.substring(colon + 1))));
        } catch (NumberFormatException e) {
            throw new BadInputException("--http-addr " + Echo.quoted(text) + " has no port number; use for example " + DEFAULT);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
