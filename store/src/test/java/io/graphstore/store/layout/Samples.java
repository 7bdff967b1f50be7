package io.graphstore.store.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample schemas shipped in {@code store/src/main/resources/samples}. */
final class Samples {
    private Samples() {
    }

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Layout token() {
        return Layout.parse(read("token.graphql"), "token.graphql");
    }
}
