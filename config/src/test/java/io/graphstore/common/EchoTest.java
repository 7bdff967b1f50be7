package io.graphstore.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EchoTest {
    @Test
    void aShortPrintableValueIsQuotedAsItIs() {
        assertThat(Echo.quoted("Index-Node")).isEqualTo("'Index-Node'");
        assertThat(Echo.quoted("réseau/ü")).isEqualTo("'réseau/ü'");
    }

    @Test
    void controlCharactersAreShownAsEscapes() {
        assertThat(Echo.quoted("a\nb\r\tc")).isEqualTo("'a\\nb\\r\\tc'");
        assertThat(Echo.quoted("\u001b[31mred\u0000")).isEqualTo("'\\u001b[31mred\\u0000'");
        assertThat(Echo.quoted("del\u007f c1\u0085")).isEqualTo("'del\\u007f c1\\u0085'");
    }

    @Test
    void invisibleFormatCharactersAndLoneSurrogatesAreShownAsEscapes() {
        assertThat(Echo.quoted("abc\u202edef")).isEqualTo("'abc\\u202edef'");
        assertThat(Echo.quoted("zero\u200bwidth\u2028")).isEqualTo("'zero\\u200bwidth\\u2028'");
        assertThat(Echo.quoted("half\ud800")).isEqualTo("'half\\ud800'");
        assertThat(Echo.quoted("emoji \ud83d\ude00")).isEqualTo("'emoji \ud83d\ude00'");
    }

    @Test
    void aLongValueIsCutAfterSixtyCharactersAndItsLengthIsSaid() {
        String shown = Echo.quoted("x".repeat(10_000));

        assertThat(shown).isEqualTo("'" + "x".repeat(60) + "...' (10000 chars)");
    }

    @Test
    void aValueOfExactlySixtyCharactersIsNotCut() {
        assertThat(Echo.quoted("y".repeat(60))).isEqualTo("'" + "y".repeat(60) + "'");
    }

    @Test
    void cuttingCountsCharactersNotUtf16UnitsAndNeverSplitsAPair() {
        String smileys = "\ud83d\ude00".repeat(61);

        assertThat(Echo.quoted(smileys)).isEqualTo("'" + "\ud83d\ude00".repeat(60) + "...' (61 chars)");
    }

    @Test
    void escapesAreAddedAfterCuttingSoTheShownPartStaysShort() {
        String shown = Echo.shown("\u001b".repeat(100));

        assertThat(shown).isEqualTo("\\u001b".repeat(60) + "... (100 chars)");
    }

    @Test
    void escapedKeepsTheFullLength() {
        assertThat(Echo.escaped("a".repeat(100) + "\n")).isEqualTo("a".repeat(100) + "\\n");
        assertThat(Echo.escaped("plain")).isEqualTo("plain");
    }

    @Test
    void aListShowsEachNameEscapedAndAtMostTwentyOfThem() {
        List<String> names = IntStream.range(0, 25).mapToObj(i -> "n" + i).toList();

        assertThat(Echo.list(List.of("a", "b\u001b"))).isEqualTo("a, b\\u001b");
        assertThat(Echo.list(names)).startsWith("n0, n1, ").endsWith(", n19, ... (25 in all)");
    }
}
