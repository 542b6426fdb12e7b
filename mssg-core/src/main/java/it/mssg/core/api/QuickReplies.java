package it.mssg.core.api;

import java.util.List;

/** Saved snippets offered when typing {@code /} in the reply box, rendered with a contact's values. */
public interface QuickReplies {

    /** Ordered by shortcut; {@code prefix} (without the slash) filters when not blank. */
    List<QuickReplyView> list(String prefix);

    /** @throws InvalidInputException bad shortcut or template text; ConflictException when the shortcut is taken */
    QuickReplyView create(String shortcut, String body);

    QuickReplyView update(long id, String shortcut, String body);

    void delete(long id);

    /**
     * The quick reply as {@code contactId} would get it; with no contact (a group chat) only the fallbacks fill it in.
     * @throws InvalidInputException a value is missing
     */
    String render(long id, Long contactId);
}
