package it.mssg.core.api;

import java.util.Optional;

/** Reading contacts. */
public interface ContactQueries {

    PageView<ContactSummaryView> search(ContactSearch search);

    /** @throws NotFoundException when there is no such contact */
    ContactView get(long id);

    Optional<ContactView> findByPhone(String e164);

    /** The contact with this number as a person types it (read with the default country); empty also when it is no number. */
    Optional<ContactView> findByNumber(String typed);

    Optional<ContactView> findByWaId(String waId);
}
