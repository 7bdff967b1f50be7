package io.graphstore.store.domain;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import java.util.regex.Pattern;

/**
 * The hash that identifies a deployment: an IPFS CIDv0, {@code Qm} followed by 44 base58
 * characters (46 in all; base58 has no {@code 0}, {@code O}, {@code I} or {@code l}).
 */
public record DeploymentHash(String value) implements Comparable<DeploymentHash> {
    private static final Pattern VALID = Pattern.compile("Qm[1-9A-HJ-NP-Za-km-z]{44}");

    public DeploymentHash {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new BadInputException("deployment hash " + Echo.quoted(value) + " is invalid: " + problem(value)
                    + "; a hash is 'Qm' followed by 44 base58 characters");
        }
    }

    public static DeploymentHash of(String value) {
        return new DeploymentHash(value);
    }

    public static boolean looksLike(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    private static String problem(String v) {
        if (v == null || v.isEmpty()) {
            return "it is empty";
        }
        if (!v.startsWith("Qm")) {
            return "it does not start with 'Qm'";
        }
        if (v.length() != 46) {
            return "it has " + v.length() + " characters, not 46";
        }
        for (char c : v.substring(2).toCharArray()) {
            if ("0OIl".indexOf(c) >= 0 || !Character.isLetterOrDigit(c) || c > 'z') {
                return "character " + Echo.quoted(String.valueOf(c)) + " is not base58";
            }
        }
        return "it is not base58";
    }

    @Override
    public int compareTo(DeploymentHash o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
