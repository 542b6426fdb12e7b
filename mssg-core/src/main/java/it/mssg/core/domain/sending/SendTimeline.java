package it.mssg.core.domain.sending;

import java.util.Arrays;

/**
 * Send times in epoch milliseconds, sorted ascending, so that "how many since x" is a binary search.
 * Immutable once built, except copies made by the ETA simulation, which only append later times.
 */
final class SendTimeline {

    private long[] times;
    private int size;

    private SendTimeline(long[] times, int size) {
        this.times = times;
        this.size = size;
    }

    static SendTimeline of(long[] unsorted, int size) {
        long[] sorted = Arrays.copyOf(unsorted, size);
        Arrays.sort(sorted);
        return new SendTimeline(sorted, size);
    }

    SendTimeline mutableCopy() {
        return new SendTimeline(Arrays.copyOf(times, Math.max(16, size * 2)), size);
    }

    /** Appends a time not earlier than the last one (simulation only). */
    void append(long millis) {
        if (size > 0 && millis < times[size - 1]) {
            throw new IllegalArgumentException("appended times must not go back");
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, Math.max(16, size * 2));
        }
        times[size++] = millis;
    }

    int size() {
        return size;
    }

    long get(int index) {
        return times[index];
    }

    /** The latest time, or Long.MIN_VALUE when empty. */
    long last() {
        return size == 0 ? Long.MIN_VALUE : times[size - 1];
    }

    /** How many times are strictly after {@code millis}. */
    int countAfter(long millis) {
        return size - firstIndexAbove(millis);
    }

    /** How many times are at or after {@code millis}. */
    int countFrom(long millis) {
        return millis == Long.MIN_VALUE ? size : countAfter(millis - 1);
    }

    private int firstIndexAbove(long millis) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= millis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
