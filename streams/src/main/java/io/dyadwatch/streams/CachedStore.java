package io.dyadwatch.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A write-through cache of deserialised values in front of a key-value store, for the keys a processor reads
 * on every record (the current periods' tallies, the dyads' timelines). The processor is the store's only
 * writer and both live and die with the task, so the cache cannot go stale; puts and deletes still reach the
 * store (and its changelog) at once. Why not the store's own cache: it holds serialised bytes, and turning them
 * back into records was most of the topology's cost per event (measured with JDK Flight Recorder, see
 * docs/performance.md). Not thread-safe, like the processor that owns it.
 *
 * @param <V> value type
 */
final class CachedStore<V> {

    private final KeyValueStore<String, V> store;
    private final Map<String, V> cache;

    CachedStore(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(String key) {
        V value = cache.get(key);
        if (value == null) {
            value = store.get(key);
            if (value != null) {
                cache.put(key, value);
            }
        }
        return value;
    }

    void put(String key, V value) {
        cache.put(key, value);
        store.put(key, value);
    }

    void delete(String key) {
        cache.remove(key);
        store.delete(key);
    }

    /** The underlying store, for iteration. */
    KeyValueStore<String, V> store() {
        return store;
    }
}
