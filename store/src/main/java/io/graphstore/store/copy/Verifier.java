package io.graphstore.store.copy;

import io.graphstore.common.BadInputException;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Site;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.layout.Layout;
import io.graphstore.store.pool.ShardPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a copy with its source table by table at a common block B (the lower of the two
 * heads), in vid ranges so it runs on big tables: per range the number of versions that
 * exist at B and an md5 over them (vid, block range as of B, every column). Reads only; each
 * side is read in its own shard. What Vitess calls VDiff; graph-node has nothing like it.
 */
public final class Verifier {
    public static final long RANGE = 100_000;

    private Verifier() {
    }

    /** Compares {@code copy} with the site it was copied from or follows, else with another copy of its deployment. */
    public static VerifyReport verify(ShardedStore store, Site copy) {
        return verify(store, copy, counterpart(store, copy));
    }

    /** Compares two copies of one deployment at their common block. */
    public static VerifyReport verify(ShardedStore store, Site copy, Site other) {
        if (!copy.hash().equals(other.hash()) || copy.id().equals(other.id())) {
            throw new BadInputException(copy.describe() + " and " + other.describe()
                    + " are not two copies of one deployment; name two copies of the same hash");
        }
        return io.graphstore.store.pool.LongStatements.allow(() -> compare(store, copy, other));
    }

    /**
     * What a copy is compared with when only it is named: the site it was copied from or
     * follows; for the active copy (or any site that follows nothing), the active copy or
     * else the most recent other copy of the same deployment.
     */
    private static Site counterpart(ShardedStore store, Site copy) {
        ShardPool dest = store.require(copy.shard());
        Optional<Integer> recorded = dest.jdbi().withExtension(CopyDao.class, d -> d.state(copy.id().value())
                .map(CopyDao.State::src)
                .or(() -> d.following(copy.id().value()).map(CopyDao.Follow::src)));
        if (recorded.isPresent()) {
            int srcId = recorded.get();
            return store.directory().site(DeploymentId.of(srcId)).orElseThrow(() -> new BadInputException(
                    "the source sgd" + srcId + " of " + copy.describe() + " no longer exists"));
        }
        return store.directory().sites(copy.hash()).stream().filter(s -> !s.id().equals(copy.id()))
                .sorted(java.util.Comparator.comparing((Site s) -> !s.active())
                        .thenComparing(s -> -s.id().value()))
                .findFirst().orElseThrow(() -> new BadInputException(copy.describe()
                        + " is the only copy of its deployment; nothing to compare it with"));
    }

    private static VerifyReport compare(ShardedStore store, Site copy, Site source) {
        ShardPool dest = store.require(copy.shard());
        Layout layout = store.deployments().data(source).layout();
        int block = Math.min(store.deployments().data(source).head().number().orElse(-1),
                store.deployments().data(copy).head().number().orElse(-1));
        ShardPool src = store.require(source.shard());
        List<VerifyReport.Table> tables = new ArrayList<>();
        for (EntityTable t : layout.tables()) {
            long maxVid = Math.max(maxVid(src, source, t), maxVid(dest, copy, t));
            long rows = 0;
            int ranges = 0;
            Optional<VerifyReport.Difference> diff = Optional.empty();
            for (long from = 0; from <= maxVid && diff.isEmpty(); from += RANGE) {
                long to = from + RANGE;
                String[] a = digest(src, source, t, from, to, block);
                String[] b = digest(dest, copy, t, from, to, block);
                ranges++;
                rows += Long.parseLong(a[0]);
                if (!a[0].equals(b[0]) || !a[1].equals(b[1])) {
                    diff = Optional.of(new VerifyReport.Difference(from, to, Long.parseLong(a[0]), Long.parseLong(b[0]),
                            a[1], b[1]));
                }
            }
            tables.add(new VerifyReport.Table(t.entityType(), rows, ranges, diff));
        }
        return new VerifyReport(copy, source, block, tables);
    }

    private static long maxVid(ShardPool pool, Site site, EntityTable t) {
        return pool.jdbi().withHandle(h -> h.createQuery("select coalesce(max(vid), 0) from "
                + t.qualifiedName(site.namespace())).mapTo(Long.class).one());
    }

    private static String[] digest(ShardPool pool, Site site, EntityTable t, long from, long to, int block) {
        String sql = "select count(*)::text, coalesce(md5(string_agg(r, '|' order by vid)), '') from (select vid, (vid, "
                + t.blocksAsOf(":b") + ", " + Replayer.columns(t) + ")::text as r from " + t.qualifiedName(site.namespace())
                + " where vid >= :from and vid < :to and " + t.startBlock() + " <= :b) x";
        // the text of a timestamptz depends on the session's time zone, which two servers may set differently
        return pool.jdbi().inTransaction(h -> {
            h.execute("set local timezone = 'UTC'");
            return h.createQuery(sql).bind("b", block).bind("from", from).bind("to", to)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).one();
        });
    }
}
