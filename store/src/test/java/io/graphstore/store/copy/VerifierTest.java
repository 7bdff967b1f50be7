package io.graphstore.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class VerifierTest {

    @Test
    void verifyPassesOnAFreshCopyAndNamesTheRangeOfARowChangedBehindItsBack(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        Site src = CopyTestSupport.deployAndIndex(store, "verify/me", 1, 150, 20);
        Site copy = new CopyAdmin(store).create("verify/me", CopyTest.B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE,
                Transport.COPY);
        new CopyRunner(store, copy, () -> false, p -> { }).run();

        VerifyReport ok = Verifier.verify(store, copy);
        assertThat(ok.identical()).isTrue();
        assertThat(ok.block()).isEqualTo(store.deployments().data(src).head().number().orElseThrow());
        assertThat(ok.tables()).hasSize(3).allSatisfy(t -> assertThat(t.rows()).isPositive());

        long vid;
        try (Connection c = shards.connect(CopyTest.B); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select max(vid) from " + copy.namespace() + ".account");
            rs.next();
            vid = rs.getLong(1);
            s.execute("update " + copy.namespace() + ".account set balance = balance + 1 where vid = " + vid);
        }
        VerifyReport bad = Verifier.verify(store, copy);
        assertThat(bad.identical()).isFalse();
        var diff = bad.tables().stream().filter(t -> t.entityType().equals("Account")).findFirst().orElseThrow()
                .firstDifference().orElseThrow();
        assertThat(vid).isBetween(diff.fromVid(), diff.toVid() - 1);
        assertThat(diff.sourceRows()).isEqualTo(diff.copyRows());
        assertThat(diff.sourceMd5()).isNotEqualTo(diff.copyMd5());
        assertThat(bad.tables()).filteredOn(t -> !t.entityType().equals("Account"))
                .allSatisfy(t -> assertThat(t.firstDifference()).isEmpty());
    }
}
