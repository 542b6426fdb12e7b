package it.mssg.web.contacts;

import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSort;
import it.mssg.core.api.Paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/** What the contact list shows (search text, tag chips, order, page), and the links that change one of them. */
public record ContactListState(String q, Set<Long> tags, String sort, int page) {

    static final int PAGE_SIZE = 50;

    public ContactListState {
        q = q == null ? "" : q.strip();
        tags = tags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(tags)); // keeps the order of the address
        sort = sort == null || sort.isBlank() ? "name" : sort.strip();
        page = Math.max(0, page);
    }

    static ContactListState of(String q, List<Long> tags, String sort, Integer page) {
        return new ContactListState(q, tags == null ? Set.of() : new LinkedHashSet<>(tags), sort, page == null ? 0 : page);
    }

    public ContactSearch search() {
        return new ContactSearch(new ContactFilter(q, tags), ContactSort.parse(sort), Paging.of(page, PAGE_SIZE));
    }

    public ContactFilter filter() {
        return new ContactFilter(q, tags);
    }

    public boolean hasTag(long id) {
        return tags.contains(id);
    }

    public String toggleTagUrl(long id) {
        Set<Long> next = new LinkedHashSet<>(tags);
        if (!next.remove(id)) {
            next.add(id);
        }
        return url("/contacts", q, next, sort, 0);
    }

    public String clearTagsUrl() {
        return url("/contacts", q, Set.of(), sort, 0);
    }

    /** Sorting by a column: ascending first, a second click reverses. */
    public String sortUrl(String field) {
        String next = sort.equals(field) ? "-" + field : field;
        return url("/contacts", q, tags, next, 0);
    }

    public String sortIndicator(String field) {
        if (sort.equals(field)) {
            return " ▲";
        }
        return sort.equals("-" + field) ? " ▼" : "";
    }

    public String ariaSort(String field) {
        if (sort.equals(field)) {
            return "ascending";
        }
        return sort.equals("-" + field) ? "descending" : null;
    }

    public String pageUrl(int target) {
        return url("/contacts", q, tags, sort, target);
    }

    public String exportUrl() {
        return url("/contacts/export", q, tags, null, 0);
    }

    public String selfUrl() {
        return pageUrl(page);
    }

    /** Values are form-encoded ({@code +} → %2B), so a searched "+39" comes back as "+39", not " 39". */
    private static String url(String path, String q, Set<Long> tags, String sort, int page) {
        StringJoiner query = new StringJoiner("&");
        if (q != null && !q.isEmpty()) {
            query.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        tags.forEach(tag -> query.add("tag=" + tag));
        if (sort != null && !sort.equals("name")) {
            query.add("sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8));
        }
        if (page > 0) {
            query.add("page=" + page);
        }
        return query.length() == 0 ? path : path + "?" + query;
    }
}
