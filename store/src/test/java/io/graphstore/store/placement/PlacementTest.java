package io.graphstore.store.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.config.PlacementStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {
    private static final List<String> ABC = List.of("shard_a", "shard_b", "shard_c");

    @Test
    void leastUsedPicksTheFewestAssigned() {
        Choice c = Placement.choose(PlacementStrategy.LEAST_USED, "org/x", ABC,
                Map.of("shard_a", 5L, "shard_b", 2L, "shard_c", 3L));
        assertThat(c.winner()).isEqualTo("shard_b");
        assertThat(c.reason()).isEqualTo("shard_b has the fewest assigned deployments (2)");
        assertThat(c.candidates()).extracting(Candidate::assigned).containsExactly(5L, 2L, 3L);
    }

    @Test
    void leastUsedBreaksTiesByRuleOrderAndCountsMissingAsZero() {
        assertThat(Placement.choose(PlacementStrategy.LEAST_USED, "org/x", ABC, Map.of()).winner())
                .isEqualTo("shard_a");
        assertThat(Placement.choose(PlacementStrategy.LEAST_USED, "org/x", List.of("shard_c", "shard_a", "shard_b"),
                Map.of("shard_a", 1L)).winner()).isEqualTo("shard_c");
        assertThat(Placement.choose(PlacementStrategy.LEAST_USED, "org/x", ABC,
                Map.of("shard_a", 1L, "shard_b", 1L, "shard_c", 1L)).winner()).isEqualTo("shard_a");
    }

    @Test
    void hrwIsAPureFunctionOfTheNameIndependentOfOrderAndCounts() {
        List<String> reversed = new ArrayList<>(ABC);
        Collections.reverse(reversed);
        for (int i = 0; i < 200; i++) {
            String name = "org/subgraph-" + i;
            String winner = Placement.choose(PlacementStrategy.HRW, name, ABC, Map.of()).winner();
            assertThat(Placement.choose(PlacementStrategy.HRW, name, reversed, Map.of("shard_a", 99L)).winner())
                    .isEqualTo(winner);
        }
    }

    @Test
    void hrwSpreadsNamesEvenlyAndAddingAShardMovesOnlyAboutOneInN() {
        int names = 6000;
        List<String> four = List.of("shard_a", "shard_b", "shard_c", "shard_d");
        Map<String, Integer> perShard = new java.util.HashMap<>();
        int moved = 0;
        for (int i = 0; i < names; i++) {
            String name = "team" + (i % 37) + "/subgraph-" + i;
            String before = Placement.choose(PlacementStrategy.HRW, name, ABC, Map.of()).winner();
            String after = Placement.choose(PlacementStrategy.HRW, name, four, Map.of()).winner();
            perShard.merge(before, 1, Integer::sum);
            if (!before.equals(after)) {
                moved++;
                assertThat(after).as("a name only ever moves to the new shard").isEqualTo("shard_d");
            }
        }
        assertThat(perShard.values()).allSatisfy(n -> assertThat(n).isBetween(names / 3 - 200, names / 3 + 200));
        assertThat(moved).isBetween(names / 4 - 250, names / 4 + 250);
    }

    @Test
    void aSingleCandidateWinsWithAPlainReason() {
        Choice c = Placement.choose(PlacementStrategy.HRW, "org/x", List.of("vip"), Map.of());
        assertThat(c.winner()).isEqualTo("vip");
        assertThat(c.reason()).isEqualTo("the rule names only vip");
        assertThat(c.candidates().get(0).score()).hasSize(16);
    }
}
