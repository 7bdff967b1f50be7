package io.graphstore.common;

/**
 * The one unchecked root exception of graph-store. Its message is written for an operator:
 * the subject, the value, the problem and a hint. A message never contains a secret.
 * Subclasses exist only where a caller acts differently (see {@link BadInputException}).
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
