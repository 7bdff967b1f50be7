package io.graphstore.store.testing;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeployResult;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.SubgraphName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Sample schemas and hashes for tests. */
public final class Samples {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private Samples() {
    }

    /** The token schema shipped in store's resources (samples/token.graphql). */
    public static String tokenSchema() {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/token.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid, distinct deployment hash for each {@code n}. */
    public static DeploymentHash hash(int n) {
        StringBuilder sb = new StringBuilder("Qm");
        long x = n * 2654435761L + 12345;
        for (int i = 0; i < 44; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            sb.append(BASE58.charAt((int) Long.remainderUnsigned(x >>> 17, BASE58.length())));
        }
        return DeploymentHash.of(sb.toString());
    }

    public static DeployResult deployToken(ShardedStore store, String name, int n) {
        return new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of(name), hash(n), tokenSchema(),
                "token.graphql", Optional.empty(), Optional.of(NodeId.DEFAULT)));
    }
}
