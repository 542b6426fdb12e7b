package it.mssg.core.api;

import java.util.List;
import java.util.Optional;

/** Reading tags. */
public interface TagQueries {

    /** All tags by name, each with its contact count. */
    List<TagView> list();

    /**
     * All tags by name without counts, for pickers and filters: counting every tag's contacts reads all
     * tag links, which a screen shown on every visit (contacts, a contact) should not pay for.
     */
    List<TagChoice> choices();

    /** @throws NotFoundException no such tag */
    TagView get(long id);

    /** Case-insensitive. */
    Optional<TagView> findByName(String name);
}
