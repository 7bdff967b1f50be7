package io.graphstore.config;

import io.graphstore.common.Echo;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} with the value of environment variable {@code NAME}. The text may
 * hold a password, so errors name the variable but never repeat the text. A {@code $} not
 * followed by {@code {} is kept as it is; expanded values are not expanded again.
 */
final class EnvExpander {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvExpander() {
    }

    static String expand(String text, String path, Function<String, Optional<String>> env) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        int start;
        while ((start = text.indexOf("${", from)) >= 0) {
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                throw new ConfigException(path, "'${' is not closed by '}'",
                        "write environment variables as ${NAME}");
            }
            String name = text.substring(start + 2, end);
            if (!NAME.matcher(name).matches()) {
                throw new ConfigException(path, "'${...}' does not hold a valid variable name",
                        "use letters, digits and underscores, e.g. ${PGPASSWORD}");
            }
            String value = env.apply(name).orElseThrow(() -> new ConfigException(path,
                    "environment variable " + Echo.quoted(name) + " is not set",
                    "export it or write the value in the file"));
            out.append(text, from, start).append(value);
            from = end + 1;
        }
        return out.append(text.substring(from)).toString();
    }
}
