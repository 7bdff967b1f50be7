package io.graphstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreOptionsTest {

    @Test
    void settingsComeFromTheEnvironmentWithDefaults() {
        StoreOptions options = StoreOptions.from(name -> Optional.ofNullable(
                Map.of(StoreOptions.CONNECT_TIMEOUT_ENV, "1500").get(name)));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.migrationLockTimeout()).isEqualTo(StoreOptions.defaults().migrationLockTimeout());
    }

    @Test
    void aValueThatIsNotAPositiveNumberIsBadInputNamingTheVariable() {
        assertThatThrownBy(() -> StoreOptions.from(name -> Optional.of("soon")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("environment variable GRAPH_STORE_CONNECT_TIMEOUT_MS='soon' is not")
                .hasMessageContaining("unset it to use 5000");
        assertThatThrownBy(() -> StoreOptions.from(name -> Optional.of("-3")))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void countsAreWholeNumbersNotDurations() {
        StoreOptions options = StoreOptions.from(name -> Optional.ofNullable(
                Map.of(StoreOptions.COPY_WORKERS_ENV, "3", StoreOptions.COPY_MAX_BATCH_ENV, "5000").get(name)));
        assertThat(options.copyWorkers()).isEqualTo(3);
        assertThat(options.copyMaxBatch()).isEqualTo(5000);
        assertThatThrownBy(() -> StoreOptions.from(name -> Optional.ofNullable(
                Map.of(StoreOptions.COPY_WORKERS_ENV, "two").get(name))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("environment variable GRAPH_STORE_COPY_WORKERS='two' is not a positive whole number;"
                        + " unset it to use 3");
    }
}
