package it.mssg.agent;

import it.mssg.core.api.ChatQueries;
import it.mssg.core.api.ChatView;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactSummaryView;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageReceived;
import it.mssg.core.api.MessageStatus;
import it.mssg.core.api.MessageView;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagRefView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for core's read side in the agent's integration tests: contacts, chats and messages in memory,
 * and {@link MessageReceived} published the way core does after storing a message.
 */
@Component
public class FakeCore {

    private final ApplicationEventPublisher events;
    /**
     * Ids start at a random offset: test contexts share one database file, and the agent's rows (modes, chat
     * memory) of one context must not apply to another context's contacts.
     */
    private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1_000_000) * 1_000_000L);
    private final Map<Long, ContactView> contacts = new ConcurrentHashMap<>();
    private final Map<Long, ChatView> chats = new ConcurrentHashMap<>();
    private final Map<Long, List<MessageView>> messages = new ConcurrentHashMap<>();

    public FakeCore(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** A contact with a one-to-one chat; returns the chat. */
    public ChatView contactWithChat(String displayName, boolean optedOut, List<Long> tagIds) {
        long contactId = ids.incrementAndGet();
        long chatId = ids.incrementAndGet();
        String waId = "39333" + contactId + "@c.us";
        List<TagRefView> tags = tagIds.stream().map(id -> new TagRefView(id, "tag" + id, "#336699")).toList();
        contacts.put(contactId, new ContactView(contactId, waId, "+39333" + contactId, displayName, null, false, null,
                optedOut, ContactSource.WHATSAPP, Map.of(), tags, chatId, Instant.EPOCH, Instant.EPOCH));
        ChatView chat = new ChatView(chatId, waId, displayName, false, 0, Instant.now(), contactId);
        chats.put(chatId, chat);
        return chat;
    }

    public ChatView group(String name) {
        long chatId = ids.incrementAndGet();
        ChatView chat = new ChatView(chatId, "1203630" + chatId + "@g.us", name, true, 0, Instant.now(), null);
        chats.put(chatId, chat);
        return chat;
    }

    /** Stores a message and publishes the event; returns the message id. */
    public long receive(ChatView chat, String body, Instant sentAt, boolean live) {
        return store(chat, MessageDirection.INBOUND, body, sentAt, live);
    }

    public long sendByHand(ChatView chat, String body) {
        return store(chat, MessageDirection.OUTBOUND, body, Instant.now(), true);
    }

    private long store(ChatView chat, MessageDirection direction, String body, Instant sentAt, boolean live) {
        long id = ids.incrementAndGet();
        messages.computeIfAbsent(chat.id(), k -> new ArrayList<>()).add(new MessageView(id, chat.id(),
                "true_" + chat.waId() + "_" + id, direction, chat.group() ? "39333999@c.us" : null, body, "chat", sentAt,
                MessageStatus.DELIVERED));
        events.publishEvent(new MessageReceived(id, chat.id(), chat.contactId(), direction, live));
        return id;
    }

    @Bean
    ChatQueries fakeChatQueries() {
        return new Chats();
    }

    @Bean
    ContactQueries fakeContactQueries() {
        return new Contacts();
    }

    class Chats implements ChatQueries {
        @Override
        public PageView<ChatView> list(String text, Paging paging) {
            List<ChatView> all = chats.values().stream().sorted(Comparator.comparing(ChatView::id)).toList();
            return PageView.of(all, paging, all.size());
        }

        @Override
        public ChatView get(long id) {
            ChatView chat = chats.get(id);
            if (chat == null) throw new NotFoundException("chat", id);
            return chat;
        }

        @Override
        public Optional<ChatView> findByContact(long contactId) {
            return chats.values().stream().filter(c -> Long.valueOf(contactId).equals(c.contactId())).findFirst();
        }

        @Override
        public PageView<MessageView> messages(long chatId, Paging paging) {
            List<MessageView> newestFirst = new ArrayList<>(messages.getOrDefault(chatId, List.of()));
            newestFirst.sort(Comparator.comparing(MessageView::id).reversed());
            List<MessageView> page = newestFirst.stream().skip(paging.offset()).limit(paging.size()).toList();
            return PageView.of(page, paging, newestFirst.size());
        }
    }

    class Contacts implements ContactQueries {
        @Override
        public PageView<ContactSummaryView> search(ContactSearch search) {
            throw new UnsupportedOperationException("the agent does not search contacts");
        }

        @Override
        public ContactView get(long id) {
            ContactView contact = contacts.get(id);
            if (contact == null) throw new NotFoundException("contact", id);
            return contact;
        }

        @Override
        public Optional<ContactView> findByPhone(String e164) {
            return contacts.values().stream().filter(c -> e164.equals(c.phoneE164())).findFirst();
        }

        @Override
        public Optional<ContactView> findByNumber(String typed) {
            throw new UnsupportedOperationException("the agent does not read typed numbers");
        }

        @Override
        public Optional<ContactView> findByWaId(String waId) {
            return contacts.values().stream().filter(c -> waId.equals(c.waId())).findFirst();
        }
    }
}
