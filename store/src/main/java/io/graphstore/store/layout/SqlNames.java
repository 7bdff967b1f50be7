package io.graphstore.store.layout;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * SQL names derived from GraphQL names. Every name produced here is a valid unquoted
 * PostgreSQL identifier of at most 63 characters, so it needs no escaping (column names are
 * still quoted in SQL because fields like {@code from} are keywords).
 */
final class SqlNames {
    static final int MAX_LENGTH = 63;
    /** Columns every entity table has besides {@code id}; no field may map to them. */
    static final Set<String> SYSTEM_COLUMNS = Set.of("vid", "block_range");
    private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private SqlNames() {
    }

    static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * The snake case graph-node gives GraphQL names (it uses the Inflector crate's
     * {@code to_snake_case}), so tables and columns are named exactly as graph-node names them:
     * {@code TokenBalance} → {@code token_balance}, {@code token0Price} → {@code token_0_price}
     * (a digit counts as an uppercase letter), {@code tokenIDs} → {@code token_i_ds},
     * {@code ERC20Token} → {@code erc20_token}, {@code _ActiveAccount} → {@code active_account}.
     * A letter or digit after a lowercase letter, or an uppercase one before a lowercase letter,
     * starts a new word; characters other than letters and digits separate words, are dropped
     * at the end, and never double the underscore.
     */
    static String snakeCase(String graphqlName) {
        int end = graphqlName.length();
        while (end > 0 && !Character.isLetterOrDigit(graphqlName.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 8);
        boolean first = true;
        for (int i = 0; i < end; i++) {
            char c = graphqlName.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (!first) {
                    first = true;
                    out.append('_');
                }
                continue;
            }
            if (!first && countsAsUpper(c) && neighbourIsLower(graphqlName, i)) {
                out.append('_');
            }
            first = false;
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** Inflector's test: a character equal to its uppercase, so digits count too. */
    private static boolean countsAsUpper(char c) {
        return c == Character.toUpperCase(c);
    }

    private static boolean neighbourIsLower(String s, int i) {
        char next = i + 1 < s.length() ? s.charAt(i + 1) : 'A';
        char prev = i > 0 ? s.charAt(i - 1) : 'A';
        return Character.isLowerCase(next) || Character.isLowerCase(prev);
    }

    /**
     * {@code table + suffix}, or when that is longer than 63 characters the table name cut
     * short plus a hash of the whole table name, so distinct tables keep distinct names.
     */
    static String derived(String table, String suffix) {
        if (table.length() + suffix.length() <= MAX_LENGTH) {
            return table + suffix;
        }
        String hash = "_" + hash(table);
        return table.substring(0, MAX_LENGTH - suffix.length() - hash.length()) + hash + suffix;
    }

    private static String hash(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
