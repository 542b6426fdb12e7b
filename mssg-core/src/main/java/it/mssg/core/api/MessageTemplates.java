package it.mssg.core.api;

import java.util.List;

/** Saved message templates: variables, fallbacks and spintax, previewed on real contacts. */
public interface MessageTemplates {

    List<TemplateView> list();

    TemplateView get(long id);

    /** @throws InvalidInputException bad name or template text (every problem with its line and column) */
    TemplateView create(String name, String body);

    TemplateView update(long id, String name, String body);

    void delete(long id);

    /**
     * Renders {@code body} for each contact (at most 20), as each would receive it.
     *
     * @throws InvalidInputException the template text cannot be used
     */
    List<TemplatePreviewView> preview(String body, List<Long> contactIds);
}
