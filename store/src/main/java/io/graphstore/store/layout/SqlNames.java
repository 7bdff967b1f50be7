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
     * {@code TokenBalance} → {@code token_balance}, {@code tokenID} → {@code token_id},
     * {@code IDToken} → {@code id_token}, {@code tokenIDs} → {@code token_ids},
     * {@code ERC20Token} → {@code erc20_token}.
     */
    static String snakeCase(String graphqlName) {
        StringBuilder out = new StringBuilder(graphqlName.length() + 8);
        for (int i = 0; i < graphqlName.length(); i++) {
            char c = graphqlName.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && startsWord(graphqlName, i) && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the uppercase letter at {@code i > 0} starts a new word. */
    private static boolean startsWord(String s, int i) {
        char prev = s.charAt(i - 1);
        if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
            return true;
        }
        if (!Character.isUpperCase(prev) || i + 1 >= s.length() || !Character.isLowerCase(s.charAt(i + 1))) {
            return false;
        }
        // "IDs": a lone plural 's' after an acronym does not start a word
        boolean pluralS = s.charAt(i + 1) == 's' && (i + 2 == s.length() || !Character.isLowerCase(s.charAt(i + 2)));
        return !pluralS;
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
