package it.mssg.core.api;

/**
 * Which page to return: {@code page} counts from 0, {@code size} is 1..{@value #MAX_SIZE}.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** Far beyond any list here, and far enough from Integer.MAX_VALUE that a screen's "next page" link stays a number. */
    public static final int MAX_PAGE = 1_000_000;

    public Paging {
        InvalidInputException.require(page >= 0 && page <= MAX_PAGE, "page", "page must be between 0 and " + MAX_PAGE);
        InvalidInputException.require(size >= 1 && size <= MAX_SIZE, "size", "size must be between 1 and " + MAX_SIZE);
    }

    public static Paging of(int page, int size) {
        return new Paging(page, size);
    }

    public static Paging first(int size) {
        return new Paging(0, size);
    }

    /** For request parameters: nulls mean page 0 and {@value #DEFAULT_SIZE} rows; bad values still throw. */
    public static Paging ofNullable(Integer page, Integer size) {
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
