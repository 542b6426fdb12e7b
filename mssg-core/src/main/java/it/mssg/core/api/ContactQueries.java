package it.mssg.core.api;

import java.util.Optional;

/** Reading contacts. */
public interface ContactQueries {

    PageView<ContactSummaryView> search(ContactSearch search);

    /** @throws NotFoundException when there is no such contact */
    ContactView get(long id);

    Optional<ContactView> findByPhone(String e164);

    Optional<ContactView> findByWaId(String waId);
}
