package it.mssg.core.domain.csv;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The custom fields of one import row as a read-only map, in the file's column order, stored compactly: the field
 * names once per file (shared by every row) and the row's values as ONE string, separated by {@code \0} (a
 * character the reader never accepts in a file). A preview holds every row of a file of up to 200k rows for
 * minutes, several previews at once: with a map per row (an entry and a string object per cell) a 7.4 MB file of
 * 100k rows × 30 fields took 310 MB of heap as a preview, this way the whole preview takes 26 MB.
 */
public final class RowFields extends AbstractMap<String, String> {

    static final char SEPARATOR = '\0';
    private static final RowFields NONE = new RowFields(new String[0], "");

    private final String[] keys;
    /** {@code keys.length} or fewer values (trailing absent ones are left out); an empty value is an absent field */
    private final String values;

    private RowFields(String[] keys, String values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * @param keys   the file's field names, shared (never changed afterwards)
     * @param values one per key, null where the row has none; none may contain {@code \0}
     */
    static RowFields of(String[] keys, List<String> values) {
        int last = values.size() - 1;
        while (last >= 0 && values.get(last) == null) last--;
        if (last < 0) return NONE;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) b.append(SEPARATOR);
            String v = values.get(i);
            if (v != null) b.append(v);
        }
        return new RowFields(keys, b.toString());
    }

    /** A copy of any map (tests, rows built by hand). */
    static RowFields copyOf(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) return NONE;
        if (fields instanceof RowFields r) return r;
        Map<String, String> ordered = new LinkedHashMap<>(fields);
        return of(ordered.keySet().toArray(new String[0]), List.copyOf(ordered.values()));
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int key = 0;   // index of the next value's key
                    private int from = 0;  // where the next value starts in values
                    private Entry<String, String> next = advance();

                    private Entry<String, String> advance() {
                        while (from <= values.length() && !values.isEmpty()) {
                            int end = values.indexOf(SEPARATOR, from);
                            if (end < 0) end = values.length();
                            String k = keys[key++];
                            int start = from;
                            from = end + 1;
                            if (end > start) return new SimpleImmutableEntry<>(k, values.substring(start, end));
                        }
                        return null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next == null) throw new NoSuchElementException();
                        Entry<String, String> e = next;
                        next = advance();
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                int n = 0;
                for (Iterator<?> it = iterator(); it.hasNext(); it.next()) n++;
                return n;
            }
        };
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
