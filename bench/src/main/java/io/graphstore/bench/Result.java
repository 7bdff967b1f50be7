package io.graphstore.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measurement beside its baseline.
 *
 * @param bench what was measured
 * @param unit the unit of both values (higher is better)
 * @param value graph-store's figure
 * @param baseline what it is compared with
 * @param baselineValue the baseline's figure on the same data in the same run
 * @param params sizes and settings of the run
 */
record Result(String bench, String unit, double value, String baseline, double baselineValue,
        Map<String, Object> params) {

    double ratio() {
        return baselineValue == 0 ? 0 : value / baselineValue;
    }

    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bench", bench);
        m.put("unit", unit);
        m.put("value", Math.round(value * 10) / 10.0);
        m.put("baseline", baseline);
        m.put("baseline_value", Math.round(baselineValue * 10) / 10.0);
        m.put("ratio", Math.round(ratio() * 1000) / 1000.0);
        m.put("params", params);
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
