package io.graphstore.store.layout;

import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.language.Node;
import graphql.language.SourceLocation;
import io.graphstore.common.BadInputException;
import java.util.List;

/**
 * Problems in a schema as one-line {@link BadInputException}s that start with
 * {@code source:line:column:} when the place is known, like a compiler's.
 */
final class SchemaErrors {
    private SchemaErrors() {
    }

    static BadInputException at(String source, Node<?> node, String problem) {
        return at(source, node == null ? null : node.getSourceLocation(), problem);
    }

    static BadInputException at(String source, SourceLocation where, String problem) {
        return new BadInputException(prefix(source, where) + Show.oneLine(problem));
    }

    /** {@code 12:5}, or {@code ?} when the parser kept no location. */
    static String lineColumn(Node<?> node) {
        SourceLocation where = node == null ? null : node.getSourceLocation();
        return known(where) ? where.getLine() + ":" + where.getColumn() : "?";
    }

    /** The first of the parser's errors, and how many more there are. */
    static BadInputException fromParser(String source, List<GraphQLError> errors, Throwable cause) {
        if (errors.isEmpty()) {
            return new BadInputException(source + ": the schema cannot be parsed: " + Show.oneLine(String.valueOf(cause.getMessage())), cause);
        }
        GraphQLError first = errors.get(0);
        List<SourceLocation> locations = first.getLocations();
        SourceLocation where = locations == null || locations.isEmpty() ? null : locations.get(0);
        String problem = first instanceof InvalidSyntaxError syntax ? syntax(syntax) : first.getMessage();
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problems)" : "";
        return new BadInputException(prefix(source, where) + Show.oneLine(problem) + more, cause);
    }

    private static String syntax(InvalidSyntaxError error) {
        String token = error.getOffendingToken();
        if ("<EOF>".equals(token)) {
            return "invalid GraphQL syntax: the schema ends too early; a closing '}' or a type may be missing";
        }
        if (token != null) {
            return "invalid GraphQL syntax at '" + token + "'; check this line and the one before it";
        }
        String message = String.valueOf(error.getMessage())
                .replaceFirst("^Invalid syntax with (ANTLR error )?", "")
                .replaceFirst(" at line \\d+ column \\d+$", "");
        return "invalid GraphQL syntax: " + message;
    }

    private static String prefix(String source, SourceLocation where) {
        return known(where) ? source + ":" + where.getLine() + ":" + where.getColumn() + ": " : source + ": ";
    }

    private static boolean known(SourceLocation where) {
        return where != null && where.getLine() > 0;
    }
}
