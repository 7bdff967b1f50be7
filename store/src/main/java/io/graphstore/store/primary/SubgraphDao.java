package io.graphstore.store.primary;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Subgraph names and their versions: {@code subgraphs.subgraph}, {@code subgraphs.subgraph_version}. */
@RegisterConstructorMapper(SubgraphDao.NameRow.class)
@RegisterConstructorMapper(SubgraphDao.VersionRef.class)
public interface SubgraphDao {
    /** A name with the deployment hashes of its current and pending versions. */
    record NameRow(String id, String name, String current, String pending) {
    }

    /** A name that points at a deployment, and whether as current or pending version. */
    record VersionRef(String name, String status) {
    }

    /** The reads {@link Directory} runs as fluent queries; the methods below use them too. */
    String NAMES = """
            select s.id, s.name, cv.deployment as current, pv.deployment as pending
              from subgraph s
              left join subgraph_version cv on cv.id = s.current_version
              left join subgraph_version pv on pv.id = s.pending_version""";
    String BY_NAME = NAMES + "\n where s.name = :name";
    String ALL = NAMES + "\n order by s.name";
    String NAMES_FOR = """
            select s.name, case when s.current_version = v.id then 'current' else 'pending' end as status
              from subgraph_version v
              join subgraph s on s.current_version = v.id or s.pending_version = v.id
             where v.deployment = :hash
             order by s.name""";
    RowMapper<NameRow> NAME_ROW = (rs, ctx) -> new NameRow(rs.getString("id"), rs.getString("name"),
            rs.getString("current"), rs.getString("pending"));
    RowMapper<VersionRef> VERSION_REF = (rs, ctx) -> new VersionRef(rs.getString("name"), rs.getString("status"));

    @SqlUpdate("insert into subgraph (id, name) values (:id, :name)")
    void insertName(@Bind("id") String id, @Bind("name") String name);

    @SqlQuery(BY_NAME)
    Optional<NameRow> byName(@Bind("name") String name);

    @SqlQuery(ALL)
    List<NameRow> all();

    @SqlUpdate("insert into subgraph_version (id, subgraph, deployment) values (:id, :subgraph, :hash)")
    void insertVersion(@Bind("id") String id, @Bind("subgraph") String subgraphId, @Bind("hash") String hash);

    @SqlUpdate("update subgraph set current_version = :version, pending_version = null where id = :id")
    void setCurrent(@Bind("id") String subgraphId, @Bind("version") String versionId);

    @SqlUpdate("delete from subgraph where name = :name")
    int deleteName(@Bind("name") String name);

    @SqlQuery(NAMES_FOR)
    List<VersionRef> namesFor(@Bind("hash") String hash);
}
