package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.graphstore.common.Secret;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConnectionInfoTest {
    private static final String PATH = "store.primary.connection";

    @Test
    void aFullUrlIsSplitIntoItsParts() {
        ConnectionInfo info = ConnectionInfo.parse(
                "postgresql://graph:hunter2@db.internal:6432/graph_node?sslmode=require&application_name=gs", PATH);

        assertThat(info.user()).isEqualTo("graph");
        assertThat(info.password().reveal()).isEqualTo("hunter2");
        assertThat(info.host()).isEqualTo("db.internal");
        assertThat(info.port()).isEqualTo(6432);
        assertThat(info.database()).isEqualTo("graph_node");
        assertThat(info.params()).containsExactly(
                Map.entry("sslmode", "require"), Map.entry("application_name", "gs"));
    }

    @Test
    void theShortSchemeAndTheDefaultPortAreAccepted() {
        ConnectionInfo info = ConnectionInfo.parse("postgres://u:p@localhost/db", PATH);

        assertThat(info.port()).isEqualTo(5432);
        assertThat(info.params()).isEmpty();
    }

    @Test
    void userPasswordAndDatabaseArePercentDecoded() {
        ConnectionInfo info = ConnectionInfo.parse(
                "postgresql://gr%40ph:p%40ss%3Aw%2Frd%25+x%C3%A9@h/my%20db", PATH);

        assertThat(info.user()).isEqualTo("gr@ph");
        assertThat(info.password().reveal()).isEqualTo("p@ss:w/rd%+xé");
        assertThat(info.database()).isEqualTo("my db");
    }

    @Test
    void aRawAtSignInThePasswordIsTakenUpToTheLastAtSign() {
        ConnectionInfo info = ConnectionInfo.parse("postgresql://u:p@ss@h/db", PATH);

        assertThat(info.password().reveal()).isEqualTo("p@ss");
        assertThat(info.host()).isEqualTo("h");
    }

    @Test
    void anIpv6HostIsBracketedAgainInUrls() {
        ConnectionInfo info = ConnectionInfo.parse("postgresql://u:pw@[::1]:5433/db", PATH);

        assertThat(info.host()).isEqualTo("::1");
        assertThat(info.port()).isEqualTo(5433);
        assertThat(info.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(info.masked()).isEqualTo("postgresql://u:***@[::1]:5433/db");
    }

    @Test
    void theJdbcUrlHasHostPortDatabaseAndParametersButNoCredentials() {
        ConnectionInfo info = ConnectionInfo.parse(
                "postgresql://graph:hunter2@db:5433/graph?sslmode=require&options=-c%20x%3Dy", PATH);

        assertThat(info.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5433/graph?sslmode=require&options=-c+x%3Dy")
                .doesNotContain("hunter2").doesNotContain("graph:");
    }

    @Test
    void maskedAndToStringHideThePassword() {
        ConnectionInfo info = ConnectionInfo.parse("postgresql://graph:hunter2@db/graph", PATH);

        assertThat(info.masked()).isEqualTo("postgresql://graph:***@db:5432/graph");
        assertThat(info.toString()).isEqualTo(info.masked()).doesNotContain("hunter2");
        assertThat(String.valueOf(new Object[] {info})).doesNotContain("hunter2");
        assertThat(info.password().toString()).isEqualTo(Secret.MASK);
    }

    @Test
    void connectionsWithTheSameValuesAreEqual() {
        assertThat(ConnectionInfo.parse("postgresql://u:pw@h/db", PATH))
                .isEqualTo(ConnectionInfo.parse("postgres://u:pw@h:5432/db", PATH))
                .isNotEqualTo(ConnectionInfo.parse("postgres://u:other@h:5432/db", PATH));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "host=h user=u password=hunter2 dbname=db",
        "mysql://u:hunter2@h/db",
        "postgresql://u:hunter2@/db",
        "postgresql://u:hunter2@h",
        "postgresql://u:hunter2@h/",
        "postgresql://u:hunter2@h:0/db",
        "postgresql://u:hunter2@h:54x/db",
        "postgresql://u:hunter2@h:/db",
        "postgresql://:hunter2@h/db",
        "postgresql://u:hunter2/x@h/db",
        "postgresql://u:hunter2%2@h/db",
        "postgresql://u:hunter2@[::1/db",
        "postgresql://u:hunter2@h/db?=x",
        "postgresql://u:hunter2@h w/db",
        "postgresql://u:hunter2@h?sslmode=require",
        "postgresql://u:hunter2@h/gr\naph",
        "postgresql://u:hunter2@h/gr%00aph",
        "postgresql://u:hun\nter2@h/db",
        "postgresql://u:hun\u0000ter2@h/db",
        "postgresql://u:hunter2%00@h/db",
        "postgresql://u:hunter2#@h/db",
        "postgresql://u:hunter2@h/db#x",
        "postgresql://u:hunter2@::1:5432/db",
        "postgresql://u:hunter2@[db.internal]:5432/db",
        "postgresql://u:hunter2@h1:5432,h2:5433/db",
        "postgresql://u:hunter2@h/db%FF",
        "postgresql://u:hunter2@h/db?application_name=a\u001bb"
    })
    void aMalformedUrlIsRejectedWithoutEchoingIt(String url) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConnectionInfo.parse(url, PATH));

        assertThat(e.path()).isEqualTo(PATH);
        assertThat(e.getMessage())
                .startsWith(PATH + ": must be postgresql://USER:PASSWORD@HOST[:PORT]/DB (")
                .doesNotContain("hunter2").doesNotContain("\n");
    }

    @Test
    void theErrorSaysWhichPartIsMissing() {
        assertThatThrownBy(() -> ConnectionInfo.parse("postgresql://graph@db/graph", PATH))
                .hasMessage(PATH + ": must be postgresql://USER:PASSWORD@HOST[:PORT]/DB "
                        + "(password missing); fix the connection string");
        assertThatThrownBy(() -> ConnectionInfo.parse("postgresql://db/graph", PATH))
                .hasMessageContaining("(user and password missing)");
        assertThatThrownBy(() -> ConnectionInfo.parse("postgresql://u:p@db", PATH))
                .hasMessageContaining("(database missing)");
    }

    private static String rejected(String url) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConnectionInfo.parse(url, PATH));
        assertThat(e).as("expected a ConfigException").isNotNull();
        assertThat(e.path()).isEqualTo(PATH);
        assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("\n").doesNotContain("\u0000");
        return e.getMessage().replace(PATH + ": must be postgresql://USER:PASSWORD@HOST[:PORT]/DB ", "");
    }

    @Test
    void aLineBreakOrNulInTheDatabaseNameIsRejectedAndShownEscaped() {
        assertThat(rejected("postgresql://u:hunter2@h/gr\naph"))
                .isEqualTo("(the database name contains a control character, '\\n'); remove it from the connection string");
        assertThat(rejected("postgresql://u:hunter2@h/graph\u0000"))
                .isEqualTo("(the database name contains a control character, '\\u0000'); remove it from the connection string");
        assertThat(rejected("postgresql://u:hunter2@h/gr%0Aaph"))
                .isEqualTo("(the database name contains a control character, '\\n' after percent-decoding); "
                        + "remove it from the connection string");
    }

    @Test
    void controlCharactersInTheUserHostAndParametersAreRejected() {
        assertThat(rejected("postgresql://gr\taph:hunter2@h/db")).startsWith("(the user contains a control character, '\\t')");
        assertThat(rejected("postgresql://u:hunter2@db\u001b.internal/db"))
                .startsWith("(the host contains a control character, '\\u001b')");
        assertThat(rejected("postgresql://u:hunter2@h/db?sslmode=re%0Dquire"))
                .startsWith("(the query contains a control character, '\\r' after percent-decoding)");
    }

    @Test
    void aRawControlCharacterInThePasswordIsRejectedWithoutShowingIt() {
        assertThat(rejected("postgresql://u:hunter2\r\n@h/db")).isEqualTo("(the password contains a control "
                + "character); remove it, or percent-encode it (a line break is %0A) if it really is part of the password");
        assertThat(rejected("postgresql://u:hunter2%00@h/db"))
                .isEqualTo("(the password contains %00, a NUL character, which PostgreSQL cannot take); remove it");
    }

    @Test
    void aPercentEncodedControlCharacterInThePasswordIsKept() {
        assertThat(ConnectionInfo.parse("postgresql://u:hunter2%0A%09x@h/db", PATH).password().reveal())
                .isEqualTo("hunter2\n\tx");
    }

    @Test
    void anUnencodedHashIsRejectedWithTheEncodingToUse() {
        assertThat(rejected("postgresql://u:hun#ter2@h/db"))
                .isEqualTo("(a '#' in the password is not percent-encoded); write it as %23");
        assertThat(rejected("postgresql://u#1:hunter2@h/db")).startsWith("(a '#' in the user is not percent-encoded)");
        assertThat(rejected("postgresql://u:hunter2@h/db#1")).startsWith("(a '#' in the database name is not percent-encoded)");
        assertThat(rejected("postgresql://u:hunter2@h/db?application_name=a#b"))
                .startsWith("(a '#' in the query is not percent-encoded)");
        assertThat(rejected("postgresql://u:hunter2@h#x/db")).startsWith("(the host contains a '#')");
        assertThat(ConnectionInfo.parse("postgresql://u:hun%23ter2@h/db", PATH).password().reveal()).isEqualTo("hun#ter2");
    }

    @Test
    void aRawAtSignInThePasswordIsStillAcceptedAsGraphNodeDoes() {
        // graph-node reads the URL with the WHATWG rules: everything up to the last '@' is
        // user and password, and it re-encodes the earlier '@' before connecting
        ConnectionInfo info = ConnectionInfo.parse("postgresql://u:p@ss@w@rd@db.internal:5433/db", PATH);

        assertThat(info.password().reveal()).isEqualTo("p@ss@w@rd");
        assertThat(info.host()).isEqualTo("db.internal");
        assertThat(info.port()).isEqualTo(5433);
    }

    @Test
    void anIpv6AddressWithoutBracketsIsRejectedWithTheBracketedForm() {
        assertThat(rejected("postgresql://u:hunter2@::1:5432/db"))
                .isEqualTo("(an IPv6 address must be in brackets); write it like [::1]:5432");
        assertThat(rejected("postgresql://u:hunter2@fe80::1/db")).startsWith("(an IPv6 address must be in brackets)");
        assertThat(rejected("postgresql://u:hunter2@[db.internal]:5432/db"))
                .startsWith("(the host in brackets is not an IPv6 address)");
        assertThat(rejected("postgresql://u:hunter2@h1:5432,h2:5433/db"))
                .isEqualTo("(the host and port hold more than one ':'); fix the connection string");
    }

    @Test
    void bracketedIpv6AddressesAreAcceptedWithAndWithoutPort() {
        assertThat(ConnectionInfo.parse("postgresql://u:pw@[::1]/db", PATH).port()).isEqualTo(5432);
        assertThat(ConnectionInfo.parse("postgresql://u:pw@[2001:db8::7]:6432/db", PATH).host()).isEqualTo("2001:db8::7");
        assertThat(ConnectionInfo.parse("postgresql://u:pw@[::ffff:10.0.0.1]:5433/db", PATH).host())
                .isEqualTo("::ffff:10.0.0.1");
    }

    @Test
    void aTenMegabyteHostIsRejectedWithTheDnsLimit() {
        assertThat(rejected("postgresql://u:hunter2@" + "h".repeat(10_000_000) + ":5432/db"))
                .isEqualTo("(the host name is 10000000 characters long; DNS names have at most 253); fix the connection string");
        String longest = ("a".repeat(63) + ".").repeat(3) + "b".repeat(61);
        assertThat(ConnectionInfo.parse("postgresql://u:pw@" + longest + "/db", PATH).host()).hasSize(253);
    }

    @Test
    void overlongUserDatabaseAndPasswordAreRejectedWithTheirSize() {
        assertThat(rejected("postgresql://" + "u".repeat(10_001) + ":hunter2@h/db"))
                .isEqualTo("(the user is 10001 bytes long, at most 10000 are allowed); PostgreSQL refuses a connection "
                        + "whose user, database and options take more than 10000 bytes");
        assertThat(rejected("postgresql://u:hunter2@h/" + "d".repeat(10_000_000)))
                .startsWith("(the database name is 10000000 bytes long, at most 10000 are allowed)");
        assertThat(rejected("postgresql://u:hunter2" + "p".repeat(65_535) + "@h/db"))
                .isEqualTo("(the password is 65542 bytes long, at most 65535 are allowed); use a shorter password");
        assertThat(rejected("postgresql://u:hunter2@h/db?options=" + "x".repeat(10_000)))
                .startsWith("(the query is ");
    }

    @Test
    void longButPossibleValuesAreAccepted() {
        String token = "t".repeat(4000);
        ConnectionInfo info = ConnectionInfo.parse("postgresql://" + "u".repeat(100) + ":" + token + "@h/"
                + "d".repeat(100), PATH);

        assertThat(info.password().reveal()).isEqualTo(token);
        assertThat(info.database()).hasSize(100);
    }

    @Test
    void percentEncodingThatIsNotUtf8IsRejected() {
        assertThat(rejected("postgresql://u:hunter2@h/caf%E9"))
                .isEqualTo("(the database name is not UTF-8 after percent-decoding); "
                        + "percent-encode the UTF-8 bytes of each character (é is %C3%A9)");
        assertThat(rejected("postgresql://u:hunter2%FF@h/db")).startsWith("(the password is not UTF-8 after percent-decoding)");
    }

    @Test
    void aQueryWithoutADatabaseIsADatabaseMissingNotACrash() {
        assertThat(rejected("postgresql://u:hunter2@h?sslmode=require")).isEqualTo("(database missing); fix the connection string");
    }
}
