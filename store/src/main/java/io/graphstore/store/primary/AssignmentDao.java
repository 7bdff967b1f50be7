package io.graphstore.store.primary;

import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code subgraphs.subgraph_deployment_assignment}: which node runs which site. */
@RegisterConstructorMapper(AssignmentDao.Row.class)
public interface AssignmentDao {
    record Row(int id, String nodeId, java.time.OffsetDateTime pausedAt) {
    }

    /** The reads {@link Directory} runs as fluent queries; the methods below use them too. */
    String BY_ID = "select id, node_id, paused_at from subgraph_deployment_assignment where id = :id";
    String ASSIGNED_PER_NODE = "select node_id, count(*) from subgraph_deployment_assignment group by node_id";
    RowMapper<Row> ROW = (rs, ctx) -> new Row(rs.getInt("id"), rs.getString("node_id"),
            rs.getObject("paused_at", java.time.OffsetDateTime.class));

    @SqlUpdate("""
            insert into subgraph_deployment_assignment (id, node_id) values (:id, :node)
            on conflict (id) do update set node_id = excluded.node_id, assigned_at = now()""")
    void assign(@Bind("id") int id, @Bind("node") String node);

    @SqlUpdate("delete from subgraph_deployment_assignment where id = :id")
    int unassign(@Bind("id") int id);

    @SqlUpdate("update subgraph_deployment_assignment set paused_at = now() where id = :id and paused_at is null")
    int pause(@Bind("id") int id);

    @SqlUpdate("update subgraph_deployment_assignment set paused_at = null where id = :id and paused_at is not null")
    int resume(@Bind("id") int id);

    @SqlQuery(BY_ID)
    Optional<Row> byId(@Bind("id") int id);

    @SqlQuery(ASSIGNED_PER_NODE)
    @KeyColumn("node_id")
    @ValueColumn("count")
    Map<String, Long> assignedPerNode();
}
