package it.mssg.core.application;

import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.HomeCountsView;
import it.mssg.core.api.HomeQueries;
import it.mssg.core.api.MessageView;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.store.ChatStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

@Service
@Transactional(readOnly = true)
class ChatService implements ChatQueries, HomeQueries {

    private final ChatStore store;

    ChatService(ChatStore store) {
        this.store = store;
    }

    @Override
    public PageView<ChatView> list(String text, Paging paging) {
        return store.list(text, paging == null ? Paging.first(Paging.DEFAULT_SIZE) : paging);
    }

    @Override
    public ChatView get(long id) {
        return store.get(id);
    }

    @Override
    public Optional<ChatView> findByContact(long contactId) {
        return store.findByContact(contactId);
    }

    @Override
    public PageView<MessageView> messages(long chatId, Paging paging) {
        return store.messages(chatId, paging == null ? Paging.first(Paging.DEFAULT_SIZE) : paging);
    }

    @Override
    public HomeCountsView counts() {
        return store.counts();
    }
}
