package io.graphstore.store.primary;

import io.graphstore.store.domain.Site;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code public.deployment_schemas} in the primary. */
@RegisterRowMapper(SiteMapper.class)
public interface SiteDao {
    String COLUMNS = "id, subgraph, name, shard, network, active, created_at";
    /** The reads {@link Directory} runs as fluent queries (see {@link Directory}); the methods below use them too. */
    String BY_ID = "select " + COLUMNS + " from deployment_schemas where id = :id";
    String BY_HASH = "select " + COLUMNS + " from deployment_schemas where subgraph = :hash order by active desc, id";
    String ACTIVE_BY_HASH = "select " + COLUMNS + " from deployment_schemas where subgraph = :hash and active";
    String ALL = "select " + COLUMNS + " from deployment_schemas order by id";
    String ASSIGNED_PER_SHARD = """
            select ds.shard, count(*) from deployment_schemas ds
              join subgraph_deployment_assignment a on a.id = ds.id
             group by ds.shard""";

    @SqlQuery("select nextval('public.deployment_schemas_id_seq')::int")
    int nextId();

    @SqlUpdate("""
            insert into deployment_schemas (id, subgraph, name, shard, network, active)
            values (:id, :hash, 'sgd' || :id, :shard, :network, :active)""")
    void insert(@Bind("id") int id, @Bind("hash") String hash, @Bind("shard") String shard,
            @Bind("network") String network, @Bind("active") boolean active);

    @SqlQuery(BY_ID)
    Optional<Site> byId(@Bind("id") int id);

    @SqlQuery(BY_HASH)
    List<Site> byHash(@Bind("hash") String hash);

    @SqlQuery(ACTIVE_BY_HASH)
    Optional<Site> activeByHash(@Bind("hash") String hash);

    @SqlQuery(ALL)
    List<Site> all();

    @SqlUpdate("delete from deployment_schemas where id = :id")
    int delete(@Bind("id") int id);

    /** Assigned sites per shard: what {@code least_used} placement compares. */
    @SqlQuery(ASSIGNED_PER_SHARD)
    @KeyColumn("shard")
    @ValueColumn("count")
    Map<String, Long> assignedPerShard();
}
