package it.mssg.core.api;

import java.util.List;
import java.util.Optional;

/** Reading tags. */
public interface TagQueries {

    /** All tags by name, each with its contact count. */
    List<TagView> list();

    /** @throws NotFoundException no such tag */
    TagView get(long id);

    /** Case-insensitive. */
    Optional<TagView> findByName(String name);
}
