package io.graphstore.store.primary;

import io.graphstore.common.ShardName;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A directory read answered by a shard's mirror because the primary could not be reached:
 * which shard, and when its mirror was last refreshed from the primary. Anything the primary
 * changed after that is missing from the answer.
 */
public record MirrorAnswer(ShardName shard, OffsetDateTime refreshedAt) {
    public Duration age() {
        Duration d = Duration.between(refreshedAt, OffsetDateTime.now());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** "the directory mirror in shard 'shard_a', refreshed 3 min ago (2026-12-02 01:10:04 UTC)" */
    public String describe() {
        return "the directory mirror in shard '" + shard + "', refreshed " + ago(age()) + " ("
                + refreshedAt.atZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                + " UTC)";
    }

    static String ago(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s ago";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min ago";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " h ago";
        }
        return s / 86400 + " days ago";
    }
}
