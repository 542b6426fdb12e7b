package it.mssg.core.api;

/** A contact list request: filter, order, page. */
public record ContactSearch(ContactFilter filter, ContactSort sort, Paging paging) {

    public ContactSearch {
        filter = filter == null ? ContactFilter.all() : filter;
        sort = sort == null ? ContactSort.byName() : sort;
        paging = paging == null ? Paging.first(Paging.DEFAULT_SIZE) : paging;
    }

    public static ContactSearch of(ContactFilter filter, Paging paging) {
        return new ContactSearch(filter, null, paging);
    }
}
