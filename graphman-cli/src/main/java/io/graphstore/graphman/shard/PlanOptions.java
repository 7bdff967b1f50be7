package io.graphstore.graphman.shard;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Echo;
import io.graphstore.store.rebalance.RebalancePlanner;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The plan's options, shared by {@code shard plan} and {@code shard rebalance --apply}. */
final class PlanOptions {
    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "10",
            description = "how far (percent) a shard may be from the rule's average under least_used (default ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--max-moves", paramLabel = "N", defaultValue = "1000",
            description = "plan at most N moves (default ${DEFAULT-VALUE})")
    int maxMoves;

    @Option(names = "--by", paramLabel = "count|size", defaultValue = "count",
            description = "what least_used balances: deployments per shard (count) or bytes per shard (size)")
    String by;

    RebalancePlanner.By measure() {
        return switch (by.toLowerCase(Locale.ROOT)) {
            case "count" -> RebalancePlanner.By.COUNT;
            case "size" -> RebalancePlanner.By.SIZE;
            default -> throw new BadInputException("--by " + Echo.quoted(by) + " is unknown; use count or size");
        };
    }
}
