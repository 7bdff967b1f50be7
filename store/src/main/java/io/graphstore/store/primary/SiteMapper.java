package io.graphstore.store.primary;

import io.graphstore.common.ShardName;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.DeploymentId;
import io.graphstore.store.domain.Namespace;
import io.graphstore.store.domain.Site;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code deployment_schemas} row (id, subgraph, name, shard, network, active, created_at). */
public final class SiteMapper implements RowMapper<Site> {
    @Override
    public Site map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Site(DeploymentId.of(rs.getInt("id")), DeploymentHash.of(rs.getString("subgraph")),
                Namespace.parse(rs.getString("name")), ShardName.of(rs.getString("shard")),
                rs.getString("network"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }
}
