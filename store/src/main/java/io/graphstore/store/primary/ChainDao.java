package io.graphstore.store.primary;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code public.chains}: networks, the shard holding their block data, and their head. */
@RegisterConstructorMapper(ChainDao.Chain.class)
public interface ChainDao {
    record Chain(int id, String name, String shard, String namespace, Long headBlockNumber) {
    }

    /** Records the chain if it is new; its namespace is {@code chain<id>}. */
    @SqlUpdate("""
            insert into chains (id, name, shard, namespace)
            select n, :name, :shard, 'chain' || n from (select nextval('public.chains_id_seq') as n) s
             where not exists (select 1 from chains where name = :name)""")
    int ensure(@Bind("name") String name, @Bind("shard") String shard);

    @SqlQuery("select id, name, shard, namespace, head_block_number from chains order by name")
    List<Chain> all();
}
