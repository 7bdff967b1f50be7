package io.graphstore.common;

/**
 * The caller gave a value that cannot be used: a malformed config, a bad name, an unknown
 * shard. Nothing has been written when this is thrown. {@code graphman} exits with code 2.
 */
public class BadInputException extends StoreException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
