package io.graphstore.store.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The {@code arg} of an {@code @aggregate}: in graph-node an SQL expression over the source's
 * fields. graph-store accepts a subset: field names, numbers, {@code + - * / %}, unary minus,
 * parentheses and graph-node's whitelisted functions ({@code abs(price0) + abs(price1)},
 * {@code greatest(a, b) * 2}). Field names become the quoted columns of the source table.
 * Anything else (CASE, casts, comparisons) is rejected by name rather than passed on.
 */
final class ArgExpression {
    /** graph-node's {@code FN_WHITELIST}: deterministic math and conditional functions. */
    static final List<String> FUNCTIONS = List.of("abs", "ceil", "ceiling", "div", "floor", "gcd", "lcm", "mod",
            "power", "sign", "coalesce", "nullif", "greatest", "least");
    private static final Set<String> KEYWORDS = Set.of("case", "when", "then", "else", "end", "and", "or", "not",
            "is", "null", "true", "false", "cast", "as", "distinct", "from", "in", "like", "between");

    /** The rewritten SQL and the source columns it reads, sorted. */
    record Parsed(String sql, List<String> columns) {
    }

    private final String text;
    private final UnaryOperator<String> field;
    private final Function<String, RuntimeException> fail;
    private final StringBuilder sql = new StringBuilder();
    private final Set<String> columns = new TreeSet<>();
    private int pos;

    private ArgExpression(String text, UnaryOperator<String> field, Function<String, RuntimeException> fail) {
        this.text = text;
        this.field = field;
        this.fail = fail;
    }

    /**
     * Parses {@code text}; {@code field} checks a field name and returns its column (or throws
     * the schema error), {@code fail} makes the exception for any other problem.
     */
    static Parsed parse(String text, UnaryOperator<String> field, Function<String, RuntimeException> fail) {
        ArgExpression p = new ArgExpression(text, field, fail);
        p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.unexpected();
        }
        return new Parsed(p.sql.toString(), List.copyOf(p.columns));
    }

    private void sum() {
        product();
        while (peek() == '+' || peek() == '-') {
            sql.append(' ').append(text.charAt(pos++)).append(' ');
            product();
        }
    }

    private void product() {
        factor();
        while (peek() == '*' || peek() == '/' || peek() == '%') {
            sql.append(' ').append(text.charAt(pos++)).append(' ');
            factor();
        }
    }

    private void factor() {
        char c = peek();
        if (c == '-' || c == '+') {
            sql.append(text.charAt(pos++));
            factor();
        } else if (c == '(') {
            pos++;
            sql.append('(');
            sum();
            expect(')');
        } else if (Character.isDigit(c)) {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            sql.append(text, start, pos);
        } else if (Character.isLetter(c) || c == '_') {
            name();
        } else {
            throw unexpected();
        }
    }

    private void name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (peek() == '(') {
            String fn = name.toLowerCase(Locale.ROOT);
            if (!FUNCTIONS.contains(fn)) {
                throw fail.apply("Function " + name + " is not supported");
            }
            pos++;
            sql.append(fn).append('(');
            sum();
            while (peek() == ',') {
                pos++;
                sql.append(", ");
                sum();
            }
            expect(')');
            return;
        }
        if (KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
            throw fail.apply("Expressions using " + name.toUpperCase(Locale.ROOT) + " are not supported by graph-store;"
                    + " an arg may use fields, numbers, + - * / %, parentheses and the functions " + String.join(", ", FUNCTIONS));
        }
        String column = field.apply(name);
        columns.add(column);
        sql.append('"').append(column).append('"');
    }

    private void expect(char c) {
        if (peek() != c) {
            throw unexpected();
        }
        pos++;
        sql.append(c);
    }

    private RuntimeException unexpected() {
        return fail.apply(pos >= text.length() ? "Failed to parse expression: " + text + ": unexpected end"
                : "Failed to parse expression: " + text + ": unexpected '" + text.charAt(pos) + "' at position " + (pos + 1));
    }

    private char peek() {
        skipSpace();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
