package it.mssg.core.store;

import it.mssg.core.api.ChatView;
import it.mssg.core.api.HomeCountsView;
import it.mssg.core.api.MessageDirection;
import it.mssg.core.api.MessageStatus;
import it.mssg.core.api.MessageView;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading chats and messages with plain SQL. */
@Repository
public class ChatStore {

    private final JdbcTemplate jdbc;
    private final ContactIndex contacts;
    private final DatabaseKind database;

    ChatStore(JdbcTemplate jdbc, ContactIndex contacts, DatabaseKind database) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.database = database;
    }

    private static final String CHAT_COLS = "select ch.id, ch.wa_id, ch.name, ch.is_group, ch.unread_count,"
            + " ch.last_activity, ch.contact_id from chat ch";

    private static final RowMapper<ChatView> CHAT = (rs, i) -> new ChatView(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getBoolean(4), rs.getInt(5), Sql.instant(rs, "last_activity"),
            (Long) rs.getObject(7, Long.class));

    private static final RowMapper<MessageView> MESSAGE = (rs, i) -> new MessageView(rs.getLong(1), rs.getLong(2),
            rs.getString(3), MessageDirection.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
            rs.getString(7), Sql.instant(rs, "sent_at"), MessageStatus.valueOf(rs.getString(9)));

    public PageView<ChatView> list(String text, Paging paging) {
        String where = "";
        List<Object> args = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            where = " where lower(ch.name) like ? escape '!' or ch.wa_id like ? escape '!'";
            String like = Sql.likeContains(text.strip().toLowerCase(Locale.ROOT));
            args.add(like);
            args.add(like);
        }
        long total = jdbc.queryForObject("select count(*) from chat ch" + where, Long.class, args.toArray());
        args.add(paging.size());
        args.add(paging.offset());
        List<ChatView> items = jdbc.query(CHAT_COLS + where
                + " order by ch.last_activity desc nulls last, ch.id desc limit ? offset ?", CHAT, args.toArray());
        return PageView.of(items, paging, total);
    }

    public ChatView get(long id) {
        return jdbc.query(CHAT_COLS + " where ch.id = ?", CHAT, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("chat", id));
    }

    public Optional<ChatView> findByContact(long contactId) {
        return jdbc.query(CHAT_COLS + " where ch.contact_id = ? order by ch.id", CHAT, contactId).stream().findFirst();
    }

    public PageView<MessageView> messages(long chatId, Paging paging) {
        get(chatId);
        String from = messagesByChatAndTime();
        long total = jdbc.queryForObject("select count(*) from " + from + " where chat_id = ?", Long.class, chatId);
        // chat_id leads the order although it is fixed: H2 walks an index in order only when the ORDER BY starts with its first column
        List<MessageView> items = jdbc.query("select id, chat_id, wa_message_id, direction, author_wa_id, body, msg_type,"
                        + " sent_at, status from " + from + " where chat_id = ? order by chat_id desc, sent_at desc, id desc"
                        + " limit ? offset ?",
                MESSAGE, chatId, paging.size(), paging.offset());
        return PageView.of(items, paging, total);
    }

    /**
     * The message table, on H2 told to use {@code ix_message_chat_time}: left alone, H2 picks the foreign key's index
     * on chat_id, reads all of the chat's messages (a thousand rows, ~180 pages from the file) and sorts them for a page
     * of 40; with the index it reads the 40 rows in order (~12 pages). PostgreSQL picks the index itself.
     */
    private String messagesByChatAndTime() {
        return database.postgres() ? "message" : "message use index (ix_message_chat_time)";
    }

    public HomeCountsView counts() {
        // the index's count, not count(*): see ContactIndex on what count(*) costs on H2 while others write
        long contactCount = contacts.count();
        return jdbc.queryForObject("select count(*), coalesce(sum(case when unread_count > 0 then 1 else 0 end), 0),"
                        + " coalesce(sum(unread_count), 0) from chat",
                (rs, i) -> new HomeCountsView(contactCount, rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }
}
