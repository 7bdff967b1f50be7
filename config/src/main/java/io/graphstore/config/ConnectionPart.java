package io.graphstore.config;

import static io.graphstore.config.ConnectionUrl.ENCODE;
import static io.graphstore.config.ConnectionUrl.fail;

import io.graphstore.common.Echo;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One part of a connection URL and what it may hold. No part may hold an unencoded {@code #}
 * (graph-node would read it as the start of a fragment) or a control character (a line break
 * or NUL in a database name is never intended), and each part has a length limit taken from
 * PostgreSQL. The password is never shown: its errors say what is wrong, not where.
 */
enum ConnectionPart {
    USER("user", ConnectionUrl.MAX_STARTUP_BYTES),
    PASSWORD("password", ConnectionUrl.MAX_PASSWORD_BYTES),
    /** Hosts are not percent-decoded; their length is checked as a DNS name. */
    HOST("host", Integer.MAX_VALUE),
    DATABASE("database name", ConnectionUrl.MAX_STARTUP_BYTES),
    QUERY("query", ConnectionUrl.MAX_STARTUP_BYTES);

    private final String label;
    private final int maxBytes;

    ConnectionPart(String label, int maxBytes) {
        this.label = label;
        this.maxBytes = maxBytes;
    }

    /** Checks the part as written, before percent-decoding. */
    void check(String raw, String path) {
        if (raw.indexOf('#') >= 0) {
            throw this == HOST
                    ? fail(path, "the host contains a '#'", ConnectionUrl.FIX)
                    : fail(path, "a '#' in the " + label + " is not percent-encoded", "write it as %23");
        }
        checkControl(raw, path, true);
    }

    /** Checks the part as written, percent-decodes it and checks the result. */
    String decode(String raw, String path) {
        check(raw, path);
        String text = raw.indexOf('%') < 0 ? raw : percentDecoded(raw, path);
        if (this != PASSWORD) {
            checkControl(text, path, false);
        } else if (text.indexOf('\0') >= 0) {
            throw fail(path, "the password contains %00, a NUL character, which PostgreSQL cannot "
                    + "take", "remove it");
        }
        checkLength(text, path);
        return text;
    }

    /** Rejects a part longer than PostgreSQL could ever take. */
    void checkLength(String text, String path) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw fail(path, "the " + label + " is " + bytes + " bytes long, at most " + maxBytes
                    + " are allowed", this == PASSWORD ? "use a shorter password"
                    : "PostgreSQL refuses a connection whose user, database and options take more "
                    + "than " + ConnectionUrl.MAX_STARTUP_BYTES + " bytes");
        }
    }

    private void checkControl(String text, String path, boolean raw) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (this == PASSWORD) {
                    throw fail(path, "the password contains a control character",
                            "remove it, or percent-encode it (a line break is %0A) if it really is "
                            + "part of the password");
                }
                throw fail(path, "the " + label + " contains a control character, "
                        + Echo.quoted(String.valueOf(c)) + (raw ? "" : " after percent-decoding"),
                        "remove it from the connection string");
            }
        }
    }

    /** Percent-decoding as URLs define it; unlike form decoding, '+' stays '+'. */
    private String percentDecoded(String text, String path) {
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
                throw fail(path, "invalid percent-encoding in the " + label, ENCODE);
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw fail(path, "the " + label + " is not UTF-8 after percent-decoding",
                    "percent-encode the UTF-8 bytes of each character (é is %C3%A9)");
        }
    }
}
