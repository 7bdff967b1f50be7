package io.graphstore.store.fdw;

import java.util.List;

/** Every (dest, source) pair wiring looked at, and the leftovers it removed per database. */
public record RemapReport(List<PairResult> pairs, List<String> removed) {
    public RemapReport {
        pairs = List.copyOf(pairs);
        removed = List.copyOf(removed);
    }

    public static RemapReport empty() {
        return new RemapReport(List.of(), List.of());
    }

    public boolean ok() {
        return pairs.stream().allMatch(PairResult::ok);
    }
}
