package io.graphstore.node.http;

import io.graphstore.common.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The bearer token the admin endpoints ask for, from {@code GRAPH_STORE_ADMIN_TOKEN}. Without a
 * configured token every admin request is refused. The token is compared in constant time and
 * never written anywhere.
 */
public final class AdminToken {
    public static final String ENV = "GRAPH_STORE_ADMIN_TOKEN";

    /** Why a request was let through or not. */
    public enum Check { OK, NOT_CONFIGURED, MISSING, WRONG }

    private final Optional<Secret> token;

    public AdminToken(Optional<Secret> token) {
        this.token = token.filter(t -> !t.reveal().isBlank());
    }

    public static AdminToken fromEnvironment() {
        return new AdminToken(Optional.ofNullable(System.getenv(ENV)).map(Secret::new));
    }

    public boolean configured() {
        return token.isPresent();
    }

    /** Checks an {@code Authorization} header value. */
    public Check check(Optional<String> authorization) {
        if (token.isEmpty()) {
            return Check.NOT_CONFIGURED;
        }
        Optional<String> given = authorization.map(String::trim)
                .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).map(a -> a.substring(7).trim());
        if (given.isEmpty() || given.get().isEmpty()) {
            return Check.MISSING;
        }
        boolean same = MessageDigest.isEqual(given.get().getBytes(StandardCharsets.UTF_8),
                token.get().reveal().getBytes(StandardCharsets.UTF_8));
        return same ? Check.OK : Check.WRONG;
    }
}
