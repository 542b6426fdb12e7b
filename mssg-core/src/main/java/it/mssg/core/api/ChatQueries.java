package it.mssg.core.api;

import java.util.Optional;

/** Reading chats and their messages. */
public interface ChatQueries {

    /** Chats, most recent activity first. {@code text} (nullable) filters by chat name fragment. */
    PageView<ChatView> list(String text, Paging paging);

    /** @throws NotFoundException no such chat */
    ChatView get(long id);

    Optional<ChatView> findByContact(long contactId);

    /**
     * Messages of a chat, newest first.
     *
     * @throws NotFoundException no such chat
     */
    PageView<MessageView> messages(long chatId, Paging paging);
}
