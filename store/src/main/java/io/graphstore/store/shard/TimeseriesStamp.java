package io.graphstore.store.shard;

import io.graphstore.common.BadInputException;
import io.graphstore.store.layout.Layout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What graph-node does to every timeseries entity it saves: the id becomes
 * {@code (block << 32) | seq}, seq counting the block's timeseries entities from 0 in the
 * order of the changes, and {@code timestamp} becomes the block's time. Whatever id and
 * timestamp the change carried are replaced. Changes to other types pass unchanged, and
 * writing an aggregation's table directly is bad input.
 */
final class TimeseriesStamp {
    private TimeseriesStamp() {
    }

    static List<EntityChange> stamp(Layout layout, int block, OptionalLong blockTime, List<EntityChange> changes) {
        List<EntityChange> out = new ArrayList<>(changes.size());
        long seq = 0;
        for (EntityChange c : changes) {
            layout.aggregationOf(c.entityType()).ifPresent(a -> {
                throw new BadInputException(c.entityType() + " is a table of aggregation " + a.name() + ", which the store fills"
                        + " by rolling up timeseries " + a.source() + "; write " + a.source() + " entities instead");
            });
            if (!layout.isTimeseries(c.entityType()) || c.isDelete()) {
                out.add(c);
                continue;
            }
            long time = blockTime.orElseThrow(() -> new BadInputException(c.entityType() + " is a timeseries, whose"
                    + " timestamp is the block's time; give block " + block + "'s time when writing it"));
            Map<String, Object> data = new LinkedHashMap<>(c.data().orElseThrow());
            data.put("timestamp", time);
            out.add(EntityChange.set(c.entityType(), Long.toString(((long) block << 32) | seq++), data));
        }
        return out;
    }
}
