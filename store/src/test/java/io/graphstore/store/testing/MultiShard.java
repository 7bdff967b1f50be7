package io.graphstore.store.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class fresh databases for the named shards on the shared test servers.
 * Test methods (and {@code @BeforeAll}) take a {@link TestShards} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MultiShardExtension.class)
public @interface MultiShard {
    String[] value() default {"primary", "shard_a", "shard_b"};
}
