package io.graphstore.store.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.StoreException;
import io.graphstore.store.admin.SyntheticChain;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a"})
class DeploymentDataTest {
    private static int counter = 100;

    private static DeploymentData fresh(TestShards shards) {
        int n = counter++;
        var site = Samples.deployToken(shards.store(), "test/data-" + n, n).site();
        return shards.store().deployments().data(site);
    }

    private static Map<String, Object> account(long balance) {
        return Map.of("balance", BigInteger.valueOf(balance));
    }

    @Test
    void readsAtABlockSeeTheVersionValidAtThatBlock(TestShards shards) {
        DeploymentData data = fresh(shards);
        data.transact(SyntheticChain.block(1), List.of(EntityChange.set("Account", "0x01", account(10)),
                EntityChange.set("Account", "0x02", account(20))));
        data.transact(SyntheticChain.block(2), List.of(EntityChange.set("Account", "0x01", account(11))));
        Head head = data.transact(SyntheticChain.block(3), List.of(EntityChange.delete("Account", "0x02")));

        assertThat(head.number()).contains(3);
        assertThat(head.entityCount()).isEqualTo(1);
        assertThat(balance(data, "0x01", 1)).contains(BigInteger.TEN);
        assertThat(balance(data, "0x01", 2)).contains(BigInteger.valueOf(11));
        assertThat(balance(data, "0x01", 3)).contains(BigInteger.valueOf(11));
        assertThat(balance(data, "0x02", 2)).contains(BigInteger.valueOf(20));
        assertThat(data.get("Account", "0x02", 3)).isEmpty();
        assertThat(data.get("Account", "0x01", 0)).isEmpty();

        assertThat(data.find("Account", 2, Optional.empty(), 10)).hasSize(2);
        assertThat(data.find("Account", 3, Optional.empty(), 10)).hasSize(1);
        assertThat(data.find("Account", 2, Optional.of(new Filter("balance", ">", BigInteger.valueOf(15))), 10))
                .extracting(r -> r.get("balance")).containsExactly(BigInteger.valueOf(20));
    }

    @Test
    void revertUndoesLaterBlocksAndRestoresTheEntityCount(TestShards shards) {
        DeploymentData data = fresh(shards);
        data.transact(SyntheticChain.block(1), List.of(EntityChange.set("Account", "0x01", account(1))));
        data.transact(SyntheticChain.block(2), List.of(EntityChange.set("Account", "0x01", account(2)),
                EntityChange.set("Account", "0x03", account(3))));
        data.transact(SyntheticChain.block(3), List.of(EntityChange.delete("Account", "0x01")));

        Head reverted = data.revert(SyntheticChain.block(1));
        assertThat(reverted.number()).contains(1);
        assertThat(reverted.entityCount()).isEqualTo(1);
        assertThat(balance(data, "0x01", 99)).contains(BigInteger.ONE);
        assertThat(data.get("Account", "0x03", 99)).isEmpty();

        Head again = data.transact(SyntheticChain.block(2), List.of(EntityChange.set("Account", "0x03", account(4))));
        assertThat(again.entityCount()).isEqualTo(2);
        assertThat(balance(data, "0x03", 2)).contains(BigInteger.valueOf(4));
    }

    @Test
    void theLastChangeToAnIdInABlockWins(TestShards shards) {
        DeploymentData data = fresh(shards);
        Head head = data.transact(SyntheticChain.block(5), List.of(EntityChange.set("Account", "0x01", account(1)),
                EntityChange.set("Account", "0x01", account(2))));
        assertThat(head.entityCount()).isEqualTo(1);
        assertThat(balance(data, "0x01", 5)).contains(BigInteger.TWO);
    }

    @Test
    void aBlockMustComeAfterTheHead(TestShards shards) {
        DeploymentData data = fresh(shards);
        data.transact(SyntheticChain.block(4), List.of(EntityChange.set("Account", "0x01", account(1))));
        assertThatThrownBy(() -> data.transact(SyntheticChain.block(4), List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("block 4 is not after the head #4");
        assertThatThrownBy(() -> data.revert(SyntheticChain.block(9)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("outside what");
    }

    @Test
    void badChangesAreRejectedAndNothingOfTheBlockIsWritten(TestShards shards) {
        DeploymentData data = fresh(shards);
        data.transact(SyntheticChain.block(1), List.of(EntityChange.set("Account", "0x01", account(1))));
        List<List<EntityChange>> bad = List.of(
                List.of(EntityChange.set("Account", "0x02", account(2)), EntityChange.set("Nope", "x", Map.of())),
                List.of(EntityChange.set("Account", "0x02", Map.of("balance", BigInteger.ONE, "colour", "red"))),
                List.of(EntityChange.set("Account", "0x02", Map.of())),
                List.of(EntityChange.set("Account", "0x02", Map.of("balance", "lots"))));
        for (List<EntityChange> changes : bad) {
            assertThatThrownBy(() -> data.transact(SyntheticChain.block(2), changes))
                    .isInstanceOf(BadInputException.class);
        }
        Head head = data.head();
        assertThat(head.number()).contains(1);
        assertThat(head.entityCount()).isEqualTo(1);
        assertThat(data.get("Account", "0x02", 2)).isEmpty();
    }

    @Test
    void referencesAndKeywordColumnsRoundTrip(TestShards shards) {
        DeploymentData data = fresh(shards);
        data.transact(SyntheticChain.block(1), List.of(EntityChange.set("Transfer", "t1", Map.of(
                "token", "tok-1", "from", "0x0a", "amount", BigInteger.valueOf(7), "block", 1L))));
        Map<String, Object> t = data.get("Transfer", "t1", 1).orElseThrow();
        assertThat(t.get("token")).isEqualTo("tok-1");
        assertThat(t.get("to")).isNull();
        assertThat(t.get("block")).isEqualTo(1L);
    }

    private static Optional<Object> balance(DeploymentData data, String id, int block) {
        return data.get("Account", id, block).map(r -> r.get("balance"));
    }
}
