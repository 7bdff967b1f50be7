package io.graphstore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The benchmarks run end to end on tiny sizes and print a baseline and ratio for each result. */
@Tag("slow")
class BenchSmokeTest {

    @Test
    void quickRunPrintsEveryResultWithItsBaselineAndRatio() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Bench.run(new String[] {"all", "--quick"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        ObjectMapper json = new ObjectMapper();
        JsonNode sites = json.readTree(lines[0]);
        JsonNode transact = json.readTree(lines[1]);
        assertThat(sites.get("bench").asText()).isEqualTo("site_resolution");
        assertThat(transact.get("bench").asText()).isEqualTo("transact_write");
        for (JsonNode r : new JsonNode[] {sites, transact}) {
            assertThat(r.get("value").asDouble()).isPositive();
            assertThat(r.get("baseline_value").asDouble()).isPositive();
            assertThat(r.get("ratio").asDouble()).isPositive();
        }
        assertThat(transact.get("params").get("versions").asLong()).isPositive();
    }
}
