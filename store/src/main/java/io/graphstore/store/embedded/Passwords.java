package io.graphstore.store.embedded;

import io.graphstore.common.Secret;
import io.graphstore.common.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Generated passwords and the 0600 files that keep them. */
final class Passwords {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** 24 characters from 57: about 140 bits. */
    static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The password kept in {@code file}, after checking that only its owner can read it. */
    static Secret read(Path file) {
        PrivateFiles.checkPrivate(file);
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new StoreException("password file " + file + " is empty; remove it and the data beside it to start over");
            }
            return new Secret(value);
        } catch (IOException e) {
            throw new StoreException("password file " + file + " cannot be read (" + e.getMessage()
                    + "); check that it exists and is yours", e);
        }
    }

    /** The password kept in {@code file}, generated and written (0600) when the file does not exist. */
    static Secret readOrCreate(Path file) {
        if (!Files.exists(file)) {
            try {
                PrivateFiles.privateDirectory(file.toAbsolutePath().getParent());
                PrivateFiles.write(file, generate() + "\n");
            } catch (IOException e) {
                throw new StoreException("password file " + file + " cannot be written (" + e.getMessage()
                        + "); check that its directory is yours and writable", e);
            }
        }
        return read(file);
    }
}
