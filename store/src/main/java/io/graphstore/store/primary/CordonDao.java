package io.graphstore.store.primary;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Cordoned shards, in the primary: placement skips them. */
@RegisterConstructorMapper(CordonDao.Cordon.class)
public interface CordonDao {
    /** A cordoned shard, since when and why. */
    record Cordon(String shard, OffsetDateTime cordonedAt, String reason) {
    }

    /** The read {@link Directory} runs as a fluent query; {@link #all} uses it too. */
    String ALL = "select shard, cordoned_at, reason from public.shard_cordons order by shard";
    RowMapper<Cordon> CORDON = (rs, ctx) -> new Cordon(rs.getString("shard"),
            rs.getObject("cordoned_at", OffsetDateTime.class), rs.getString("reason"));

    /** Cordons {@code shard}; 0 when it was cordoned already (the first reason stays). */
    @SqlUpdate("insert into public.shard_cordons (shard, reason) values (:shard, :reason) on conflict (shard) do nothing")
    int cordon(@Bind("shard") String shard, @Bind("reason") String reason);

    @SqlUpdate("delete from public.shard_cordons where shard = :shard")
    int uncordon(@Bind("shard") String shard);

    @SqlQuery(ALL)
    List<Cordon> all();
}
