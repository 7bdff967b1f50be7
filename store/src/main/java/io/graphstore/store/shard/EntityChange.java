package io.graphstore.store.shard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One change in a block: set an entity (all its stored fields, by GraphQL field name) or
 * delete it. The id is the entity id as text ({@code 0x…} for Bytes ids).
 */
public record EntityChange(String entityType, String id, Optional<Map<String, Object>> data) {
    public EntityChange {
        data = data.map(d -> Collections.unmodifiableMap(new LinkedHashMap<>(d)));
    }

    public static EntityChange set(String entityType, String id, Map<String, Object> data) {
        return new EntityChange(entityType, id, Optional.of(data));
    }

    public static EntityChange delete(String entityType, String id) {
        return new EntityChange(entityType, id, Optional.empty());
    }

    public boolean isDelete() {
        return data.isEmpty();
    }
}
