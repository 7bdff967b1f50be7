package io.graphstore.store.domain;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;

/**
 * A subgraph name such as {@code org/name}: 1 to 255 characters in parts separated by
 * {@code /}; each part is letters, digits, {@code -} and {@code _}, starts and ends with a
 * letter or digit, contains at least one letter, and is not the reserved word {@code graphql}.
 */
public record SubgraphName(String value) {
    public SubgraphName {
        String problem = problem(value);
        if (problem != null) {
            throw new BadInputException("subgraph name " + Echo.quoted(value) + " is invalid: " + problem
                    + "; use parts of letters, digits, '-' and '_' separated by '/', like 'org/name'");
        }
    }

    public static SubgraphName of(String value) {
        return new SubgraphName(value);
    }

    private static String problem(String s) {
        if (s == null || s.isEmpty()) {
            return "it is empty";
        }
        if (s.length() > 255) {
            return "it is longer than 255 characters";
        }
        for (char c : s.toCharArray()) {
            if (!(isAlnum(c) || c == '/' || c == '-' || c == '_')) {
                return "character " + Echo.quoted(String.valueOf(c)) + " is not allowed";
            }
        }
        for (String part : s.split("/", -1)) {
            if (part.isEmpty()) {
                return "it has an empty part";
            }
            if (part.equals("graphql")) {
                return "'graphql' is reserved";
            }
            if (!isAlnum(part.charAt(0)) || !isAlnum(part.charAt(part.length() - 1))) {
                return "part " + Echo.quoted(part) + " must start and end with a letter or digit";
            }
            if (part.chars().noneMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return "part " + Echo.quoted(part) + " has no letter";
            }
        }
        return null;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return value;
    }
}
