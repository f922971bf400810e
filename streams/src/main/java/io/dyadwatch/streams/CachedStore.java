package io.dyadwatch.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A write-through cache of deserialised values in front of a key-value store, for the keys a processor reads
 * on every record (the current periods' tallies, the dyads' timelines); it remembers misses too (the
 * corroboration index is probed for days that have no events). The processor is the store's only
 * writer and both live and die with the task, so the cache cannot go stale; puts and deletes still reach the
 * store (and its changelog) at once. Why not the store's own cache: it holds serialised bytes, and turning them
 * back into records was most of the topology's cost per event (measured with JDK Flight Recorder, see
 * docs/performance.md). Not thread-safe, like the processor that owns it.
 *
 * @param <V> value type
 */
final class CachedStore<V> {

    /** Marks a key known to be absent from the store, so a repeated miss does not reach RocksDB again. */
    private static final Object ABSENT = new Object();

    private final KeyValueStore<String, V> store;
    private final Map<String, Object> cache;

    CachedStore(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    V get(String key) {
        Object cached = cache.get(key);
        if (cached == ABSENT) {
            return null;
        }
        if (cached != null) {
            return (V) cached;
        }
        V value = store.get(key);
        cache.put(key, value == null ? ABSENT : value);
        return value;
    }

    void put(String key, V value) {
        cache.put(key, value);
        store.put(key, value);
    }

    void delete(String key) {
        cache.put(key, ABSENT);
        store.delete(key);
    }

    /** The underlying store, for iteration. */
    KeyValueStore<String, V> store() {
        return store;
    }
}
