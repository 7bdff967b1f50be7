package io.graphstore.store.copy;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code copy_state}, {@code copy_table_state} and {@code follow_state} in the destination shard. */
@RegisterConstructorMapper(CopyDao.State.class)
@RegisterConstructorMapper(CopyDao.TableState.class)
@RegisterConstructorMapper(CopyDao.Follow.class)
public interface CopyDao {
    record State(int dst, int src, String srcShard, int targetBlockNumber, byte[] targetBlockHash, String onSync,
            java.time.OffsetDateTime queuedAt, java.time.OffsetDateTime startedAt,
            java.time.OffsetDateTime finishedAt, java.time.OffsetDateTime cancelledAt, String nodeId, String transport,
            String state) {
        public CopyState copyState() {
            return CopyState.of(state);
        }
    }

    /**
     * One table of a copy. {@code rowsTotal} is the number of versions to copy, counted in the
     * source when the copy was prepared; {@code rowsDone} the versions copied so far.
     */
    record TableState(String entityType, long nextVid, long targetVid, long batchSize,
            java.time.OffsetDateTime startedAt, java.time.OffsetDateTime finishedAt, long durationMs,
            long rowsDone, long rowsTotal) {
        public boolean done() {
            return finishedAt != null;
        }

        /**
         * The rows this table ends with: what it copied once done, else the count taken at
         * preparation (a revert in the source since then can leave fewer to copy).
         */
        public long rowsExpected() {
            return done() ? rowsDone : Math.max(rowsTotal, rowsDone);
        }
    }

    record Follow(int id, int src, String srcShard, long revertSeq) {
    }

    @SqlUpdate("""
            insert into subgraphs.copy_state (dst, src, src_shard, target_block_number, target_block_hash, on_sync,
                                              node_id, transport)
            values (:dst, :src, :srcShard, :target, :hash, :onSync, :node, :transport)""")
    void insertState(@Bind("dst") int dst, @Bind("src") int src, @Bind("srcShard") String srcShard,
            @Bind("target") int target, @Bind("hash") byte[] hash, @Bind("onSync") String onSync,
            @Bind("node") String node, @Bind("transport") String transport);

    @SqlUpdate("""
            insert into subgraphs.copy_table_state (dst, entity_type, next_vid, target_vid, batch_size, rows_total)
            values (:dst, :type, 0, :target, :batch, :rows)""")
    void insertTable(@Bind("dst") int dst, @Bind("type") String entityType, @Bind("target") long targetVid,
            @Bind("batch") long batchSize, @Bind("rows") long rowsTotal);

    @SqlQuery("""
            select dst, src, src_shard, target_block_number, target_block_hash, on_sync, queued_at, started_at,
                   finished_at, cancelled_at, node_id, transport, state
              from subgraphs.copy_state where dst = :dst""")
    Optional<State> state(@Bind("dst") int dst);

    @SqlQuery("""
            select entity_type, next_vid, target_vid, batch_size, started_at, finished_at, duration_ms,
                   rows_done, rows_total
              from subgraphs.copy_table_state where dst = :dst order by entity_type""")
    List<TableState> tables(@Bind("dst") int dst);

    // The transitions of CopyState, the only statements that change a copy's state. Each moves
    // only from the states it names, so a cancelled copy is never revived by a late runner.

    @SqlUpdate("""
            update subgraphs.copy_state set state = 'copying', started_at = coalesce(started_at, now())
             where dst = :dst and state in ('queued', 'copying')""")
    int markCopying(@Bind("dst") int dst);

    @SqlUpdate("update subgraphs.copy_state set state = 'catching_up' where dst = :dst and state in ('copying', 'catching_up')")
    int markCatchingUp(@Bind("dst") int dst);

    @SqlUpdate("""
            update subgraphs.copy_state set state = 'finished', finished_at = now()
             where dst = :dst and state = 'catching_up'""")
    int markFinished(@Bind("dst") int dst);

    @SqlUpdate("""
            update subgraphs.copy_state set state = 'cancelled', cancelled_at = coalesce(cancelled_at, now())
             where dst = :dst and state <> 'finished'""")
    int markCancelled(@Bind("dst") int dst);

    @SqlUpdate("""
            update subgraphs.copy_table_state
               set next_vid = :next, batch_size = :batch, duration_ms = duration_ms + :ms,
                   rows_done = rows_done + :rows, finished_at = case when :done then now() end
             where dst = :dst and entity_type = :type""")
    void progress(@Bind("dst") int dst, @Bind("type") String entityType, @Bind("next") long nextVid,
            @Bind("batch") long batchSize, @Bind("ms") long durationMs, @Bind("rows") long rows,
            @Bind("done") boolean done);

    @SqlUpdate("""
            insert into subgraphs.follow_state (id, src, src_shard, revert_seq) values (:id, :src, :srcShard, :seq)
            on conflict (id) do update set src = excluded.src, src_shard = excluded.src_shard,
                   revert_seq = excluded.revert_seq, updated_at = now()""")
    void follow(@Bind("id") int id, @Bind("src") int src, @Bind("srcShard") String srcShard, @Bind("seq") long revertSeq);

    @SqlQuery("select id, src, src_shard, revert_seq from subgraphs.follow_state where id = :id")
    Optional<Follow> following(@Bind("id") int id);

    @SqlUpdate("update subgraphs.follow_state set revert_seq = :seq, updated_at = now() where id = :id")
    void seen(@Bind("id") int id, @Bind("seq") long revertSeq);

    @SqlUpdate("delete from subgraphs.follow_state where id = :id")
    int unfollow(@Bind("id") int id);
}
