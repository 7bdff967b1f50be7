package io.graphstore.store.copy;

import io.graphstore.store.domain.Site;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of comparing a copy with the site it was copied from, at {@code block}.
 *
 * @param tables per entity table: ranges compared and the first range that differs
 */
public record VerifyReport(Site copy, Site source, int block, List<Table> tables) {
    /** One table's comparison; {@code firstDifference} is empty when every range matched. */
    public record Table(String entityType, long rows, int ranges, Optional<Difference> firstDifference) {
    }

    /** The first vid range whose rows differ, with each side's row count and checksum. */
    public record Difference(long fromVid, long toVid, long sourceRows, long copyRows, String sourceMd5, String copyMd5) {
    }

    public boolean identical() {
        return tables.stream().allMatch(t -> t.firstDifference().isEmpty());
    }
}
