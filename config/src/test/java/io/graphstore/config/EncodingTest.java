package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config files must be UTF-8: a byte order mark is dropped, other encodings are named. */
class EncodingTest {
    private static final String PRIMARY =
            "[store.primary]\nconnection = \"postgresql://graph:" + TestFiles.PASSWORD + "@db/graph\"\npool_size = 10\n";

    @TempDir
    Path dir;

    private Path file(byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path file = dir.resolve("graph-node.toml");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ConfigException rejected(Path file) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, TestFiles.env()));
        assertThat(e).as("expected a ConfigException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(TestFiles.PASSWORD)
                .doesNotContain("MalformedInputException");
        return e;
    }

    @Test
    void aUtf8ByteOrderMarkAtTheStartIsIgnored() throws IOException {
        Path file = file(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(PRIMARY));

        Config config = ConfigLoader.load(file, TestFiles.env());

        assertThat(config.primary().connection().host()).isEqualTo("db");
        assertThat(TestFiles.parse("\uFEFF" + PRIMARY).primary().connection().host()).isEqualTo("db");
    }

    @Test
    void columnsAfterAByteOrderMarkCountFromTheFirstVisibleCharacter() throws IOException {
        Path file = file(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("a = = 1\n"));

        ConfigException e = rejected(file);

        assertThat(e.line()).hasValue(1);
        assertThat(e.column()).hasValue(5);
    }

    @Test
    void aLatin1FileIsRejectedWithLineColumnAndByteOffset() throws IOException {
        String before = PRIMARY + "[general]\nname = \"caf";
        Path file = file(before.getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0xE9},
                utf8("\"\n"));

        ConfigException e = rejected(file);

        assertThat(e.line()).hasValue(5);
        assertThat(e.column()).hasValue(12);
        assertThat(e.getMessage()).isEqualTo(file + ":5:12: the file is not UTF-8 (the bytes at byte offset "
                + before.length() + " are not valid UTF-8); save it as UTF-8");
    }

    @Test
    void theColumnCountsCharactersNotBytes() throws IOException {
        Path file = file(utf8(PRIMARY + "[general]\nname = \"é"), new byte[] {(byte) 0xFF}, utf8("\"\n"));

        ConfigException e = rejected(file);

        assertThat(e.line()).hasValue(5);
        assertThat(e.column()).hasValue(10);
    }

    @Test
    void aLatin1PasswordIsNotShownWhenItBreaksTheEncoding() throws IOException {
        Path file = file(("[store.primary]\nconnection = \"postgresql://graph:" + TestFiles.PASSWORD + "\u00e4"
                + TestFiles.PASSWORD + "@db/graph\"\n").getBytes(StandardCharsets.ISO_8859_1));

        ConfigException e = rejected(file);

        assertThat(e.getMessage()).contains(":2:").contains("not UTF-8").doesNotContain("0xE4");
    }

    @Test
    void aUtf16FileWithAByteOrderMarkIsNamedAsUtf16() throws IOException {
        Path bigEndian = file(PRIMARY.getBytes(StandardCharsets.UTF_16));

        ConfigException e = rejected(bigEndian);

        assertThat(e.getMessage()).isEqualTo(bigEndian + ":1:1: the file is UTF-16 (it starts with a UTF-16 "
                + "byte order mark), not UTF-8; save it as UTF-8");
        Path littleEndian = file(new byte[] {(byte) 0xFF, (byte) 0xFE}, PRIMARY.getBytes(StandardCharsets.UTF_16LE));
        assertThat(rejected(littleEndian).getMessage()).contains("the file is UTF-16");
    }

    @Test
    void aUtf16FileWithoutAByteOrderMarkIsCaughtAtItsFirstNulByte() throws IOException {
        Path file = file(PRIMARY.getBytes(StandardCharsets.UTF_16LE));

        ConfigException e = rejected(file);

        assertThat(e.getMessage()).isEqualTo(file + ":1:2: the file contains a NUL byte (at byte offset 1), "
                + "so it is not UTF-8 text; if it is UTF-16, save it as UTF-8");
    }

    @Test
    void aFileOfMoreThanSixteenMegabytesIsNotRead() throws IOException {
        Path file = file(utf8(PRIMARY), utf8("#".repeat(ConfigText.MAX_BYTES)));

        ConfigException e = rejected(file);

        assertThat(e.getMessage()).isEqualTo("config file '" + file + "' is larger than 16 MiB; "
                + "a config file is a few KB; check that --config names the right file");
    }

    @Test
    void aMissingFileIsNamedWithTheReason() {
        Path file = dir.resolve("nope.toml");

        ConfigException e = rejected(file);

        assertThat(e.getMessage()).isEqualTo("config file '" + file + "' cannot be read: NoSuchFileException; "
                + "check --config or GRAPH_NODE_CONFIG");
    }
}
