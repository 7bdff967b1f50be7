package io.graphstore.store.primary;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@code public.chains}: networks, the shard holding their block data, the namespace
 * ({@code chainN}) there, and their head. Whoever writes a chain's blocks or moves them locks
 * its row first ({@link #lock}), so a move switches shards between two writes, never during one.
 */
@RegisterConstructorMapper(ChainDao.Chain.class)
public interface ChainDao {
    String COLUMNS = "id, name, shard, namespace, head_block_number, head_block_hash";

    record Chain(int id, String name, String shard, String namespace, Long headBlockNumber, byte[] headBlockHash) {
        public Optional<Long> head() {
            return Optional.ofNullable(headBlockNumber);
        }

        public Optional<String> headHash() {
            return Optional.ofNullable(headBlockHash).map(h -> "0x" + java.util.HexFormat.of().formatHex(h));
        }
    }

    /** Records the chain if it is new; its namespace is {@code chain<id>}. */
    @SqlUpdate("""
            insert into chains (id, name, shard, namespace)
            select n, :name, :shard, 'chain' || n from (select nextval('public.chains_id_seq') as n) s
             where not exists (select 1 from chains where name = :name)""")
    int ensure(@Bind("name") String name, @Bind("shard") String shard);

    @SqlQuery("select " + COLUMNS + " from chains order by name")
    List<Chain> all();

    @SqlQuery("select " + COLUMNS + " from chains where name = :name")
    Optional<Chain> byName(@Bind("name") String name);

    /** The chain's row, locked until the transaction ends: writers and a move's switch take it. */
    @SqlQuery("select " + COLUMNS + " from chains where name = :name for update")
    Optional<Chain> lock(@Bind("name") String name);

    /** Moves the head forward to {@code number}; a lower number leaves it as it is. */
    @SqlUpdate("""
            update chains set head_block_number = :number, head_block_hash = :hash
             where id = :id and (head_block_number is null or head_block_number < :number)""")
    int advanceHead(@Bind("id") int id, @Bind("number") long number, @Bind("hash") byte[] hash);

    @SqlUpdate("update chains set shard = :shard, namespace = :namespace where id = :id")
    int place(@Bind("id") int id, @Bind("shard") String shard, @Bind("namespace") String namespace);

    @SqlUpdate("delete from chains where id = :id")
    int delete(@Bind("id") int id);

    /** Namespaces ({@code sgdN}) of every copy, active or not, of a deployment on the network. */
    @SqlQuery("select name || ' in ' || shard from deployment_schemas where network = :name order by id")
    List<String> deploymentsOn(@Bind("name") String name);
}
