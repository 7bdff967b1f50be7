package io.graphstore.config;

import io.graphstore.common.Echo;
import java.util.Optional;
import java.util.function.Function;

/**
 * Expands environment variables in a connection string the way graph-node does (it uses the
 * Rust crate shellexpand):
 *
 * <ul>
 *   <li>{@code $NAME} takes the longest run of letters, digits and underscores after the
 *       {@code $} as the name ({@code $PGHOST:5432} names {@code PGHOST});</li>
 *   <li>{@code ${NAME}} names everything up to the next {@code }}, and {@code ${NAME:-text}}
 *       gives {@code text} when {@code NAME} is not set;</li>
 *   <li>{@code $$} is one {@code $}; a {@code $} followed by anything else, and a {@code ${}
 *       that no {@code }} follows, are kept as they are;</li>
 *   <li>a variable that is not set (and has no default) is an error; an expanded value is not
 *       expanded again.</li>
 * </ul>
 *
 * The text may hold a password, so errors never repeat it. They name a {@code ${NAME}}
 * variable, but not a bare {@code $NAME} one, whose "name" may be the rest of a password that
 * contains a {@code $}.
 */
final class EnvExpander {
    private EnvExpander() {
    }

    static String expand(String text, String path, Function<String, Optional<String>> env) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int dollar;
        while ((dollar = text.indexOf('$', i)) >= 0) {
            out.append(text, i, dollar);
            int next = dollar + 1;
            if (text.startsWith("{", next) && text.indexOf('}', next) >= 0) {
                int close = text.indexOf('}', next);
                out.append(braced(text.substring(next + 1, close), path, env));
                i = close + 1;
            } else if (next < text.length() && isNameChar(text.codePointAt(next))) {
                int end = next;
                while (end < text.length() && isNameChar(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                out.append(env.apply(text.substring(next, end)).orElseThrow(() -> new ConfigException(
                        path, "an environment variable written as $NAME is not set (its name is not "
                        + "shown: it may be the rest of a password that contains '$')",
                        "export it, or write a '$' that belongs to the text as '$$'")));
                i = end;
            } else if (text.startsWith("{", next)) {
                out.append("${"); // no '}' closes it
                i = next + 1;
            } else {
                out.append('$');
                i = text.startsWith("$", next) ? next + 1 : next;
            }
        }
        return out.append(text, i, text.length()).toString();
    }

    /** The value of {@code ${inside}}: {@code NAME} or {@code NAME:-default}. */
    private static String braced(String inside, String path, Function<String, Optional<String>> env) {
        int split = inside.indexOf(":-");
        // "${:-x}" has no name, so it is not a default: graph-node looks up ":-x"
        String name = split > 0 ? inside.substring(0, split) : inside;
        Optional<String> value = env.apply(name);
        if (value.isPresent()) {
            return value.get();
        }
        if (split > 0) {
            return inside.substring(split + 2);
        }
        if (name.isEmpty() || !name.codePoints().allMatch(EnvExpander::isNameChar)) {
            throw new ConfigException(path, "'${...}' does not hold a valid variable name",
                    "use letters, digits and underscores, e.g. ${PGPASSWORD}");
        }
        throw new ConfigException(path, "environment variable " + Echo.quoted(name) + " is not set",
                "export it or write the value in the file");
    }

    /** Rust's {@code char::is_alphanumeric} (Unicode Alphabetic or Numeric) or {@code _}. */
    private static boolean isNameChar(int cp) {
        int type = Character.getType(cp);
        return cp == '_' || Character.isAlphabetic(cp) || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
