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
        "postgresql://u:hunter2@h w/db"
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
}
