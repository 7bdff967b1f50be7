package io.graphstore.store.testing;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Creates the {@link TestShards} of a {@link MultiShard} class once and drops them after it. */
public final class MultiShardExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MultiShardExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return p.getParameter().getType() == TestShards.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> testClass = ctx.getRequiredTestClass();
        ExtensionContext classContext = classContext(ctx);
        return classContext.getStore(NS).getOrComputeIfAbsent(testClass, c -> {
            MultiShard spec = testClass.getAnnotation(MultiShard.class);
            List<String> shards = List.of(spec == null ? new String[] {"primary", "shard_a", "shard_b"} : spec.value());
            return new Closing(TestShards.on(TestBackends.shared(), shards));
        }, Closing.class).shards();
    }

    private static ExtensionContext classContext(ExtensionContext ctx) {
        ExtensionContext c = ctx;
        while (c.getParent().isPresent() && !(c.getElement().orElse(null) instanceof Class<?>)) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Lets JUnit close the shards when the class context ends. */
    private record Closing(TestShards shards) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            shards.close();
        }
    }
}
