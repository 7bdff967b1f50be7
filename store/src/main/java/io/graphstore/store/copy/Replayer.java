package io.graphstore.store.copy;

import io.graphstore.store.domain.Site;
import io.graphstore.store.fdw.MappedTables;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.layout.Column;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.layout.Layout;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * One replay round of a follower (a copy catching up, or a former active copy following the
 * new one), inside one transaction in the follower's shard; postgres_fdw reads the source in
 * one repeatable-read snapshot, so the source's head, revert log and versions agree.
 */
final class Replayer {
    /** What a round did. */
    record Round(int fromBlock, int toBlock, Optional<Integer> revertedTo, long inserted, long closed) {
        boolean changed() {
            return toBlock != fromBlock || revertedTo.isPresent();
        }
    }

    private Replayer() {
    }

    static Round round(Handle h, Site follower, Site source, Layout layout) {
        CopyDao dao = h.attach(CopyDao.class);
        CopyDao.Follow follow = dao.following(follower.id().value()).orElseThrow(() -> new IllegalStateException(
                follower.describe() + " follows nothing"));
        int head = h.createQuery("select coalesce(block_number, -1) from subgraphs.head where id = ? for update")
                .bind(0, follower.id().value()).mapTo(Integer.class).one();
        String remote = MappedTables.shardSchema(source.shard());
        record Reverts(Integer minBlock, Long maxSeq) {
        }
        Reverts reverts = h.createQuery("select min(to_block), max(seq) from " + Sql.qualified(remote, "revert_log")
                        + " where deployment = ? and seq > ?")
                .bind(0, source.id().value()).bind(1, follow.revertSeq())
                .map((rs, ctx) -> new Reverts((Integer) rs.getObject(1), (Long) rs.getObject(2))).one();
        record SourceHead(Integer number, byte[] hash, long entities) {
        }
        SourceHead src = h.createQuery("select block_number, block_hash, entity_count from " + Sql.qualified(remote, "head")
                        + " where id = ?").bind(0, source.id().value())
                .map((rs, ctx) -> new SourceHead((Integer) rs.getObject(1), rs.getBytes(2), rs.getLong(3))).one();
        Optional<Integer> revertedTo = Optional.empty();
        int from = head;
        if (reverts.minBlock() != null && reverts.minBlock() < head) {
            io.graphstore.store.shard.DeploymentData.revertRows(h, follower, layout, reverts.minBlock());
            revertedTo = Optional.of(reverts.minBlock());
            head = reverts.minBlock();
        }
        long inserted = 0;
        long closed = 0;
        int target = src.number() == null ? head : src.number();
        if (target > head) {
            for (EntityTable t : layout.tables()) {
                String local = t.qualifiedName(follower.namespace());
                String foreign = Sql.qualified(source.namespace().value(), t.name());
                // close first: the new versions of an id may only arrive once its old one is closed;
                // immutable rows are never closed
                if (!t.immutable()) {
                    closed += h.createUpdate("update " + local + " c set block_range = s.block_range from " + foreign + " s"
                            + " where c.vid = s.vid and lower(s.block_range) <= :head and not upper_inf(s.block_range)"
                            + " and upper(s.block_range) > :head").bind("head", head).execute();
                }
                inserted += h.createUpdate("insert into " + local + " (vid, " + t.blockColumn() + ", " + columns(t)
                        + ") select vid, " + t.blockColumn() + ", " + selectColumns(t, follower.namespace()) + " from "
                        + foreign + " where " + t.startBlock() + " > :head").bind("head", head).execute();
            }
        }
        if (target != from || revertedTo.isPresent()) {
            h.createUpdate("update subgraphs.head set block_number = :n, block_hash = :hash, entity_count = :count,"
                            + " updated_at = now() where id = :id")
                    .bind("n", target).bind("hash", src.hash()).bind("count", src.entities())
                    .bind("id", follower.id().value()).execute();
        }
        if (reverts.maxSeq() != null) {
            dao.seen(follower.id().value(), reverts.maxSeq());
        }
        return new Round(from, target, revertedTo, inserted, closed);
    }

    /** The stored columns' quoted names, {@code id} first. */
    static String columns(EntityTable t) {
        return t.allColumns().stream().map(Column::quotedName).collect(Collectors.joining(", "));
    }

    /** The stored columns read from another namespace for {@code target}'s table (enums cast across). */
    static String selectColumns(EntityTable t, io.graphstore.store.domain.Namespace target) {
        return t.allColumns().stream().map(c -> c.selectFor(target)).collect(Collectors.joining(", "));
    }
}
