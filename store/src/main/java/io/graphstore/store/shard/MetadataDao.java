package io.graphstore.store.shard;

import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A site's metadata rows in its shard: {@code subgraphs.deployment}, {@code head}, {@code subgraph_manifest}. */
@RegisterConstructorMapper(MetadataDao.HeadRow.class)
@RegisterConstructorMapper(MetadataDao.StatusRow.class)
public interface MetadataDao {
    record HeadRow(Integer blockNumber, byte[] blockHash, long entityCount, int earliestBlockNumber) {
    }

    record StatusRow(String health, boolean failed, String fatalError, java.time.OffsetDateTime syncedAt,
            int earliestBlockNumber, String graftBase, java.time.OffsetDateTime createdAt) {
    }

    /** The reads {@link Deployments} runs as fluent queries (see there); the methods below use them too. */
    String HEAD = """
            select h.block_number, h.block_hash, h.entity_count, d.earliest_block_number
              from subgraphs.head h join subgraphs.deployment d on d.id = h.id where h.id = :id""";
    String STATUS = """
            select health, failed, fatal_error, synced_at, earliest_block_number, graft_base, created_at
              from subgraphs.deployment where id = :id""";
    RowMapper<HeadRow> HEAD_ROW = (rs, ctx) -> new HeadRow(rs.getObject("block_number", Integer.class),
            rs.getBytes("block_hash"), rs.getLong("entity_count"), rs.getInt("earliest_block_number"));
    RowMapper<StatusRow> STATUS_ROW = (rs, ctx) -> new StatusRow(rs.getString("health"), rs.getBoolean("failed"),
            rs.getString("fatal_error"), rs.getObject("synced_at", java.time.OffsetDateTime.class),
            rs.getInt("earliest_block_number"), rs.getString("graft_base"),
            rs.getObject("created_at", java.time.OffsetDateTime.class));

    @SqlUpdate("insert into subgraphs.deployment (id, subgraph, earliest_block_number) values (:id, :hash, :start)")
    void insertDeployment(@Bind("id") int id, @Bind("hash") String hash, @Bind("start") int startBlock);

    @SqlUpdate("insert into subgraphs.head (id, entity_count) values (:id, 0)")
    void insertHead(@Bind("id") int id);

    @SqlUpdate("insert into subgraphs.subgraph_manifest (id, schema, start_block) values (:id, :schema, :start)")
    void insertManifest(@Bind("id") int id, @Bind("schema") String schema, @Bind("start") int startBlock);

    @SqlQuery("select schema from subgraphs.subgraph_manifest where id = :id")
    Optional<String> schema(@Bind("id") int id);

    @SqlQuery(HEAD)
    Optional<HeadRow> head(@Bind("id") int id);

    /** Locks the head row; -1 when nothing has been written yet, empty when there is no row. */
    @SqlQuery("select coalesce(block_number, -1) from subgraphs.head where id = :id for update")
    Optional<Integer> lockHead(@Bind("id") int id);

    @SqlUpdate("""
            update subgraphs.head set block_number = :number, block_hash = :hash,
                   entity_count = entity_count + :delta, updated_at = now() where id = :id""")
    void moveHead(@Bind("id") int id, @Bind("number") int number, @Bind("hash") byte[] hash, @Bind("delta") long delta);

    @SqlQuery(STATUS)
    Optional<StatusRow> status(@Bind("id") int id);

    /** The site this site follows, when it is not writable (a copy, or a former active copy). */
    @SqlQuery("select src from subgraphs.follow_state where id = :id")
    Optional<Integer> follows(@Bind("id") int id);

    @SqlUpdate("insert into subgraphs.revert_log (deployment, to_block) values (:id, :block)")
    void logRevert(@Bind("id") int id, @Bind("block") int block);

    @SqlUpdate("delete from subgraphs.deployment where id = :id")
    int deleteDeployment(@Bind("id") int id);
}
