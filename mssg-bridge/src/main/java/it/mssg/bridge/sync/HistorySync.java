package it.mssg.bridge.sync;

import it.mssg.bridge.browser.PageCallFailed;
import it.mssg.bridge.domain.SyncPlan;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaLabel;
import it.mssg.core.api.WaMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The sync after each login or reconnect: labels, contacts, chats, then the last N messages of every chat,
 * handed to core in pages. Core is idempotent, so syncing again after a reconnect duplicates nothing.
 */
public final class HistorySync {

    private final PageCalls page;
    private final InboundForwarder core;
    private final int pageSize;
    private final int historyMessages;
    private final int chatsPerCall;

    public HistorySync(PageCalls page, InboundForwarder core, int pageSize, int historyMessages) {
        this.page = page;
        this.core = core;
        this.pageSize = Math.max(1, pageSize);
        this.historyMessages = Math.max(0, historyMessages);
        this.chatsPerCall = 50;
    }

    /** Counts of what was handed to core. */
    public record Outcome(int labels, int contacts, int chats, int messages) {
    }

    /**
     * @param cancelled answers true when the session this sync belongs to is gone
     * @param progress  receives 0..99
     */
    public Outcome run(BooleanSupplier cancelled, IntConsumer progress) throws PageCallFailed {
        List<WaLabel> labels = PageData.maps(page.call("labels")).stream().map(PageData::label).filter(Objects::nonNull).toList();
        core.forward("labels", c -> c.labelsSynced(labels));

        List<WaChat> chats = new ArrayList<>();
        for (int offset = 0; ; offset += pageSize) {
            Map<?, ?> result = (Map<?, ?>) page.call("chats", offset, pageSize);
            PageData.maps(result.get("items")).stream().map(PageData::chat).filter(Objects::nonNull).forEach(chats::add);
            if (offset + pageSize >= PageData.number(result.get("total"), 0) || cancelled.getAsBoolean()) {
                break;
            }
        }
        Map<String, List<String>> labelsOfChat = new HashMap<>();
        chats.forEach(chat -> labelsOfChat.put(chat.waId(), chat.labelIds()));

        int contactCount = 0;
        SyncPlan plan = null;
        for (int offset = 0; ; offset += pageSize) {
            if (cancelled.getAsBoolean()) {
                return new Outcome(labels.size(), contactCount, 0, 0);
            }
            Map<?, ?> result = (Map<?, ?>) page.call("contacts", offset, pageSize);
            int total = (int) PageData.number(result.get("total"), 0);
            if (plan == null) {
                plan = new SyncPlan(total, chats.size());
            }
            List<WaContact> contacts = PageData.maps(result.get("items")).stream()
                    .map(c -> PageData.contact(c, labelsOfChat.getOrDefault(PageData.text(c.get("id")), List.of())))
                    .filter(Objects::nonNull).toList();
            contactCount += contacts.size();
            core.forward("contacts", c -> c.contactsSynced(contacts));
            progress.accept(plan.percent(contactCount, 0, 0));
            if (offset + pageSize >= total) {
                break;
            }
        }

        for (int from = 0; from < chats.size(); from += pageSize) {
            List<WaChat> slice = List.copyOf(chats.subList(from, Math.min(chats.size(), from + pageSize)));
            core.forward("chats", c -> c.chatsSynced(slice));
        }
        progress.accept(plan.percent(contactCount, chats.size(), 0));

        int messageCount = 0;
        if (historyMessages > 0) {
            for (int from = 0; from < chats.size(); from += chatsPerCall) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                List<String> ids = chats.subList(from, Math.min(chats.size(), from + chatsPerCall)).stream().map(WaChat::waId).toList();
                Object result = page.call("messages", ids, historyMessages);
                List<WaMessage> messages = new ArrayList<>();
                if (result instanceof List<?> perChat) {
                    for (Object list : perChat) {
                        PageData.maps(list).stream().map(PageData::message).filter(Objects::nonNull).forEach(messages::add);
                    }
                }
                messageCount += messages.size();
                if (!messages.isEmpty()) {
                    core.forward("history", c -> c.messagesReceived(messages));
                }
                progress.accept(plan.percent(contactCount, chats.size(), from + ids.size()));
            }
        }
        return new Outcome(labels.size(), contactCount, chats.size(), messageCount);
    }
}
