package io.graphstore.store.pool;

import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's {@code :name} parameters, found by a plain scan. Jdbi's own {@link ColonPrefixSqlParser}
 * runs an ANTLR lexer whose first use (loading and interpreting it) costs a short graphman
 * command more CPU than its queries. This parser gives the same result for the SQL this
 * project writes: words, operators, {@code ::} casts, {@code 'quoted'} and {@code "quoted"}
 * text and {@code :name} parameters. Anything else Jdbi's lexer treats specially or may
 * reject ({@code ?}, backslashes, comments ({@code /*}, {@code //}, {@code --}), brackets, {@code :=}, parameter names
 * with {@code $}, {@code .} or {@code #}, characters outside ASCII outside quotes, an unclosed quote) is
 * handed to Jdbi's parser, so the result is Jdbi's in every case.
 */
final class PlainSqlParser implements SqlParser {
    private volatile ColonPrefixSqlParser jdbi;

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        ParsedSql parsed = scan(sql);
        return parsed != null ? parsed : jdbi().parse(sql, ctx);
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        return ":" + rawName; // what ColonPrefixSqlParser answers
    }

    private ColonPrefixSqlParser jdbi() {
        ColonPrefixSqlParser p = jdbi;
        if (p == null) {
            p = new ColonPrefixSqlParser();
            jdbi = p;
        }
        return p;
    }

    /** The parsed statement, or null when Jdbi's parser must decide. */
    static ParsedSql scan(String sql) {
        ParsedSql.Builder out = ParsedSql.builder();
        int n = sql.length();
        int literal = 0; // start of the text not yet appended
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                if (close < 0 || c == '"' && close == i + 1 || sql.substring(i + 1, close).indexOf('\\') >= 0) {
                    return null; // unclosed, "" (not a token for Jdbi), or an escape inside
                }
                i = close + 1;
            } else if (c == ':') {
                if (i + 1 < n && sql.charAt(i + 1) == ':') {
                    i += 2; // a cast; Jdbi's lexer reads ':::' as '::' then ':'
                    continue;
                }
                int end = i + 1;
                while (end < n && nameChar(sql.charAt(end))) {
                    end++;
                }
                if (end == i + 1 || !letterOrUnderscore(sql.charAt(i + 1))
                        || end < n && " \t\n\r,;()=<>+-*/%|&^~!@{}`:'\"".indexOf(sql.charAt(end)) < 0) {
                    return null; // ':=', ':1', a lone ':', or a name Jdbi reads on ('$', '.', '?.' ...)
                }
                out.append(sql.substring(literal, i));
                out.appendNamedParameter(sql.substring(i + 1, end));
                literal = end;
                i = end;
            } else if (plain(c) && !(i + 1 < n && (c == '/' && (sql.charAt(i + 1) == '*' || sql.charAt(i + 1) == '/')
                    || c == '-' && sql.charAt(i + 1) == '-'))) {
                i++;
            } else {
                return null;
            }
        }
        out.append(sql.substring(literal));
        return out.build();
    }

    private static boolean letterOrUnderscore(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean nameChar(char c) {
        return letterOrUnderscore(c) || c >= '0' && c <= '9';
    }

    /** Characters Jdbi's lexer takes as literal text (its LITERAL rule, less '[', ']', '?' and '#'). */
    private static boolean plain(char c) {
        return nameChar(c) || c == '.' || " \t\n\r,@!=;()+-<>%&^|$~{}`*/".indexOf(c) >= 0;
    }
}
