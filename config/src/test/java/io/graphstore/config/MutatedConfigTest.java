package io.graphstore.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random edits of the sample configs (a fixed seed, so a failure can be replayed): whatever the
 * result, loading either succeeds or throws a one-line ConfigException, never another
 * exception or error.
 */
class MutatedConfigTest {
    private static final String ALPHABET = "[]{}\"'=.,#\n\\$:@/?%_-aZ09 \t\u001b\u0000\u00e9\r";

    @Test
    void everyMutationOfTheSampleConfigsLoadsOrIsAConfigException() {
        List<String> samples = List.of(TestFiles.text("graph-node-single.toml"),
                TestFiles.text("graph-node-sharded.toml"), TestFiles.text("graph-node-helm.toml"));
        Random random = new Random(20_261_202L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String toml = mutate(samples.get(random.nextInt(samples.size())), random);
            try {
                TestFiles.parse(toml);
            } catch (ConfigException e) {
                assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u001b").doesNotContain("\u0000");
            } catch (Throwable t) {
                failures.add(i + ": " + t);
            }
        }

        assertThat(failures).isEmpty();
    }

    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        for (int m = 1 + random.nextInt(4); m > 0; m--) {
            int at = random.nextInt(s.length() + 1);
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(4)) {
                case 0 -> s.insert(at, c);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(30)));
                case 2 -> s.insert(random.nextInt(s.length() + 1),
                        s.substring(at, Math.min(s.length(), at + random.nextInt(40))));
                default -> s.insert(at, String.valueOf(c).repeat(random.nextInt(200)));
            }
        }
        return s.toString();
    }
}
