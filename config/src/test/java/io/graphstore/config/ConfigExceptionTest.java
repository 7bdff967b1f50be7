package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.BadInputException;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {
    @Test
    void theMessageIsPathProblemAndHint() {
        ConfigException e = new ConfigException("store.vip.weight", "value -1 is out of range", "use 0 or more");

        assertThat(e).isInstanceOf(BadInputException.class);
        assertThat(e.getMessage()).isEqualTo("store.vip.weight: value -1 is out of range; use 0 or more");
        assertThat(e.path()).isEqualTo("store.vip.weight");
        assertThat(e.line()).isEmpty();
        assertThat(e.column()).isEmpty();
    }

    @Test
    void aFileLevelProblemHasNoPathPrefix() {
        ConfigException e = new ConfigException("", "config file 'x.toml' cannot be read", "check it");

        assertThat(e.getMessage()).isEqualTo("config file 'x.toml' cannot be read; check it");
    }

    @Test
    void aSyntaxErrorNamesSourceLineAndColumn() {
        ConfigException e = ConfigException.syntax("graph-node.toml", 12, 5, "Unexpected '='");

        assertThat(e.getMessage()).isEqualTo("graph-node.toml:12:5: syntax error: Unexpected '='");
        assertThat(e.line()).hasValue(12);
        assertThat(e.column()).hasValue(5);
        assertThat(e.path()).isEmpty();
    }

    @Test
    void newlinesInAProblemAreFoldedIntoOneLine() {
        ConfigException e = new ConfigException("p", "first\n  second\r\nthird", "hint");

        assertThat(e.getMessage()).isEqualTo("p: first second third; hint");
    }
}
