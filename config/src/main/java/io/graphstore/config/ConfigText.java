package io.graphstore.config;

import io.graphstore.common.Echo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a config file as UTF-8 text, as TOML requires. A UTF-8 byte order mark (which some
 * Windows editors write) is dropped. A file in another encoding is rejected with the line,
 * column and byte offset where it stops being UTF-8, instead of Java's bare
 * MalformedInputException.
 */
final class ConfigText {
    /** A graph-node config is a few KB; anything this large is the wrong file. */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final char BOM = '\uFEFF';
    private static final String SAVE_AS_UTF8 = "save it as UTF-8";

    private ConfigText() {
    }

    static String read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ConfigException("", "config file '" + Echo.escaped(file.toString())
                    + "' cannot be read: " + e.getClass().getSimpleName(),
                    "check --config or GRAPH_NODE_CONFIG", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException("", "config file '" + Echo.escaped(file.toString())
                    + "' is larger than " + MAX_BYTES / (1024 * 1024) + " MiB",
                    "a config file is a few KB; check that --config names the right file");
        }
        return decode(bytes, file.toString());
    }

    /** The UTF-8 text of {@code bytes} without a leading byte order mark. */
    static String decode(byte[] bytes, String source) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw ConfigException.at(source, 1, 1, "the file is UTF-16 (it starts with a UTF-16 "
                    + "byte order mark), not UTF-8", SAVE_AS_UTF8);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        int invalid = result.isError() ? in.position() : bytes.length;
        int nul = indexOfNul(bytes, invalid);
        if (nul >= 0) {
            throw located(bytes, nul, source, "the file contains a NUL byte (at byte offset " + nul
                    + "), so it is not UTF-8 text", "if it is UTF-16, " + SAVE_AS_UTF8);
        }
        if (result.isError()) {
            // the byte itself is not shown: it may be part of a password
            throw located(bytes, invalid, source, "the file is not UTF-8 (the bytes at byte offset "
                    + invalid + " are not valid UTF-8)", SAVE_AS_UTF8);
        }
        decoder.flush(out);
        return withoutBom(out.flip().toString());
    }

    static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static int indexOfNul(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** An error at byte {@code offset}, with its 1-based line and column in characters. */
    private static ConfigException located(byte[] bytes, int offset, String source, String problem,
                                           String hint) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = withoutBom(before).codePointCount(0, withoutBom(before).length()) + 1;
        return ConfigException.at(source, line, column, problem, hint);
    }
}
