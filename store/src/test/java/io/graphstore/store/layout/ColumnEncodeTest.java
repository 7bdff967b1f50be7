package io.graphstore.store.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnEncodeTest {
    private static final EnumType KIND = new EnumType("TokenKind", "token_kind", List.of("FUNGIBLE", "NON_FUNGIBLE"));

    private static Column column(ColumnType type, boolean list) {
        return new Column("Token", "f", "f", type, list, true, Optional.empty(),
                type == ColumnType.ENUM ? Optional.of(KIND) : Optional.empty());
    }

    private static String encode(ColumnType type, Object value) {
        return column(type, false).encode(value);
    }

    private static String encodeList(ColumnType type, Object... values) {
        return column(type, true).encode(Arrays.asList(values));
    }

    @Test
    void scalarsBecomeTheTextPostgresParses() {
        assertThat(encode(ColumnType.ID, "0xab-1")).isEqualTo("0xab-1");
        assertThat(encode(ColumnType.STRING, "a \"b\" \\ {c}, NULL")).isEqualTo("a \"b\" \\ {c}, NULL");
        assertThat(encode(ColumnType.ENUM, "FUNGIBLE")).isEqualTo("FUNGIBLE");
        assertThat(encode(ColumnType.INT, Integer.MIN_VALUE)).isEqualTo("-2147483648");
        assertThat(encode(ColumnType.INT8, Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThat(encode(ColumnType.INT8, 7)).isEqualTo("7");
        assertThat(encode(ColumnType.TIMESTAMP, 1_700_000_000_000_000L)).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(encode(ColumnType.TIMESTAMP, 1_700_000_000_000_001L)).isEqualTo("2023-11-14T22:13:20.000001Z");
        assertThat(encode(ColumnType.TIMESTAMP, -1L)).isEqualTo("1969-12-31T23:59:59.999999Z");
        assertThat(encode(ColumnType.BIG_INT, BigInteger.TWO.pow(100).negate())).isEqualTo("-1267650600228229401496703205376");
        assertThat(encode(ColumnType.BIG_INT, 5L)).isEqualTo("5");
        assertThat(encode(ColumnType.BIG_DECIMAL, new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(encode(ColumnType.BIG_DECIMAL, new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(encode(ColumnType.BOOLEAN, true)).isEqualTo("true");
    }

    @Test
    void anEnumTakesOnlyItsDeclaredValues() {
        assertThat(encodeList(ColumnType.ENUM, "NON_FUNGIBLE", null)).isEqualTo("{\"NON_FUNGIBLE\",NULL}");
        assertThatThrownBy(() -> encode(ColumnType.ENUM, "fungible"))
                .isInstanceOf(io.graphstore.common.BadInputException.class)
                .hasMessage("Token.f: 'fungible' is not a value of enum TokenKind (FUNGIBLE, NON_FUNGIBLE);"
                        + " values are case-sensitive");
    }

    @Test
    void bytesAreHexWhetherGivenAsArrayOrAsHexString() {
        assertThat(encode(ColumnType.BYTES, new byte[] {0, 1, (byte) 0xff})).isEqualTo("\\x0001ff");
        assertThat(encode(ColumnType.BYTES, "0xABcd")).isEqualTo("\\xabcd");
        assertThat(encode(ColumnType.BYTES, new byte[0])).isEqualTo("\\x");
        assertThat(encode(ColumnType.BYTES, "0x")).isEqualTo("\\x");
    }

    @Test
    void numbersAndBooleansMayBeGivenAsTextWhichIsCheckedAndMadeCanonical() {
        assertThat(encode(ColumnType.INT, "+42")).isEqualTo("42");
        assertThat(encode(ColumnType.INT8, "-9")).isEqualTo("-9");
        assertThat(encode(ColumnType.TIMESTAMP, "1700000000000000")).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(encode(ColumnType.BIG_INT, "123456789012345678901234567890")).isEqualTo("123456789012345678901234567890");
        assertThat(encode(ColumnType.BIG_DECIMAL, "1e3")).isEqualTo("1000");
        assertThat(encode(ColumnType.BOOLEAN, "false")).isEqualTo("false");
        assertThat(Column.id("Pool", ColumnType.INT8).encode("5")).isEqualTo("5");
        assertThatThrownBy(() -> encode(ColumnType.INT, "99999999999"))
                .hasMessage("Token.f: '99999999999' is not an Int (got String, expected Integer or a decimal String)");
        assertThatThrownBy(() -> encode(ColumnType.BIG_DECIMAL, "NaN"))
                .hasMessage("Token.f: 'NaN' is not a BigDecimal (got String, expected BigDecimal or a decimal String)");
        assertThatThrownBy(() -> encode(ColumnType.BIG_INT, " 1"))
                .hasMessage("Token.f: ' 1' is not a BigInt (got String, expected BigInteger or a decimal String)");
    }

    @Test
    void listsBecomeArrayLiteralsWithEveryElementQuoted() {
        assertThat(encodeList(ColumnType.STRING)).isEqualTo("{}");
        assertThat(encodeList(ColumnType.STRING, "a,b", "{x}", "say \"hi\"", "back\\slash", "NULL", "", null))
                .isEqualTo("{\"a,b\",\"{x}\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"NULL\",\"\",NULL}");
        assertThat(encodeList(ColumnType.INT, 1, null, -2)).isEqualTo("{\"1\",NULL,\"-2\"}");
        assertThat(encodeList(ColumnType.BYTES, new byte[] {1}, "0x02")).isEqualTo("{\"\\\\x01\",\"\\\\x02\"}");
    }

    @Test
    void nullIsNullForNullableFieldsAndBadInputForNonNullOnes() {
        assertThat(encode(ColumnType.STRING, null)).isNull();
        assertThat(column(ColumnType.STRING, true).encode(null)).isNull();
        Column name = new Column("Token", "name", "name", ColumnType.STRING, false, false, Optional.empty());
        assertThatThrownBy(() -> name.encode(null)).isInstanceOf(BadInputException.class)
                .hasMessage("Token.name: null is not allowed; the field is non-null (String!)");
        Column owner = new Column("Token", "owner", "owner", ColumnType.BYTES, false, false, Optional.of("Account"));
        assertThatThrownBy(() -> owner.encode(null)).hasMessage("Token.owner: null is not allowed; the field is non-null (Account!)");
    }

    @Test
    void aValueOfTheWrongJavaTypeNamesTypeFieldAndValue() {
        Column decimals = new Column("Token", "decimals", "decimals", ColumnType.INT, false, false, Optional.empty());
        assertThatThrownBy(() -> decimals.encode("abc")).isInstanceOf(BadInputException.class)
                .hasMessage("Token.decimals: 'abc' is not an Int (got String, expected Integer or a decimal String)");
        assertThatThrownBy(() -> decimals.encode(5L))
                .hasMessage("Token.decimals: 5 is not an Int (got Long, expected Integer or a decimal String)");
        assertThatThrownBy(() -> encode(ColumnType.STRING, 42))
                .hasMessage("Token.f: 42 is not a String (got Integer, expected String)");
        assertThatThrownBy(() -> encode(ColumnType.BIG_INT, new BigDecimal("1.5")))
                .hasMessage("Token.f: 1.5 is not a BigInt (got BigDecimal, expected BigInteger or a decimal String)");
        assertThatThrownBy(() -> encode(ColumnType.BOOLEAN, "yes"))
                .hasMessage("Token.f: 'yes' is not a Boolean (got String, expected Boolean or 'true'/'false')");
        assertThatThrownBy(() -> encode(ColumnType.BYTES, 12))
                .hasMessage("Token.f: 12 is not Bytes (got Integer, expected byte[] or a '0x' hex String)");
        assertThatThrownBy(() -> encode(ColumnType.TIMESTAMP, java.time.Instant.EPOCH))
                .hasMessage("Token.f: 1970-01-01T00:00:00Z is not a Timestamp (got Instant, expected Long or a decimal String)");
    }

    @Test
    void invalidValuesAndListElementsAreNamedWithTheirPosition() {
        assertThatThrownBy(() -> encode(ColumnType.BYTES, "0xabc"))
                .hasMessage("Token.f: '0xabc' is not Bytes; a hex string is '0x' followed by pairs of hex digits");
        assertThatThrownBy(() -> encode(ColumnType.BYTES, "0xzz"))
                .hasMessage("Token.f: '0xzz' is not Bytes; a hex string is '0x' followed by pairs of hex digits");
        assertThatThrownBy(() -> encode(ColumnType.BYTES, "abcd"))
                .hasMessage("Token.f: 'abcd' is not Bytes (got String, expected byte[] or a '0x' hex String)");
        assertThatThrownBy(() -> encode(ColumnType.STRING, "a\0b"))
                .hasMessage("Token.f: 'a\\u0000b' contains the NUL character, which PostgreSQL text cannot store");
        assertThatThrownBy(() -> encodeList(ColumnType.INT, 1, 2, "three"))
                .hasMessage("Token.f[2]: 'three' is not an Int (got String, expected Integer or a decimal String)");
        assertThatThrownBy(() -> column(ColumnType.STRING, true).encode("a"))
                .hasMessage("Token.f: 'a' is not a list ([String]); got String, expected java.util.List");
        assertThatThrownBy(() -> column(ColumnType.STRING, false).encode(List.of("a")))
                .hasMessage("Token.f: [a] is not a String (got List, expected String)");
    }

    @Test
    void longAndMultiLineValuesAreShortenedToOneLineInMessages() {
        String value = "line one\nline two " + "x".repeat(100);
        assertThatThrownBy(() -> encode(ColumnType.INT, value))
                .hasMessageStartingWith("Token.f: 'line one\\nline two xxx")
                .hasMessageContaining("…' is not an Int")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(140));
    }
}
