package io.graphstore.store.primary;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@code public.chain_moves} (primary V6): the one move of a chain's block data under way.
 * States: {@code copying} (the directory still names the source shard) and {@code switched}
 * (the directory names the destination; the source namespace still has to be dropped). The
 * row is deleted when the move is done or cancelled.
 */
@RegisterConstructorMapper(ChainMoveDao.Move.class)
public interface ChainMoveDao {
    record Move(int chainId, String srcShard, String dstShard, String namespace, String state, Long nextNumber,
            OffsetDateTime startedAt, OffsetDateTime switchedAt) {
        public boolean switched() {
            return "switched".equals(state);
        }

        public Optional<Long> next() {
            return Optional.ofNullable(nextNumber);
        }
    }

    @SqlQuery("select chain_id, src_shard, dst_shard, namespace, state, next_number, started_at, switched_at"
            + " from chain_moves where chain_id = :id")
    Optional<Move> byChain(@Bind("id") int chainId);

    @SqlUpdate("""
            insert into chain_moves (chain_id, src_shard, dst_shard, namespace, state)
            values (:id, :src, :dst, :ns, 'copying')""")
    void start(@Bind("id") int chainId, @Bind("src") String src, @Bind("dst") String dst, @Bind("ns") String namespace);

    /** Every block numbered below {@code next} is in the destination. */
    @SqlUpdate("update chain_moves set next_number = :next where chain_id = :id and state = 'copying'")
    int progress(@Bind("id") int chainId, @Bind("next") long next);

    @SqlUpdate("update chain_moves set state = 'switched', switched_at = now() where chain_id = :id and state = 'copying'")
    int switched(@Bind("id") int chainId);

    @SqlUpdate("delete from chain_moves where chain_id = :id")
    int finish(@Bind("id") int chainId);
}
