package se.placera.forms.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A map over a method version's question ids, backed by an array: the key set is fixed (every question, in method
 * order), a key without a value maps to null, and {@link #put} only takes known keys. One evaluation fills one instead
 * of hashing 150 entries into a new hash map; the id-to-slot index is built once per method version.
 */
final class SlotMap<V> extends AbstractMap<String, V> {

    private final Map<String, Integer> slots;
    private final Object[] values;

    SlotMap(Map<String, Integer> slots) {
        this.slots = slots;
        this.values = new Object[slots.size()];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        Integer slot = slots.get(key);
        return slot == null ? null : (V) values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        return slots.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(String key, V value) {
        Integer slot = slots.get(key);
        if (slot == null) {
            throw new IllegalArgumentException("Not a question of this method: " + key);
        }
        V old = (V) values[slot];
        values[slot] = value;
        return old;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The values in method order (null for keys without one), without entry objects. */
    @Override
    @SuppressWarnings("unchecked")
    public Collection<V> values() {
        return (List<V>) Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                Iterator<Entry<String, Integer>> it = slots.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        Entry<String, Integer> e = it.next();
                        return new SimpleImmutableEntry<>(e.getKey(), (V) values[e.getValue()]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
