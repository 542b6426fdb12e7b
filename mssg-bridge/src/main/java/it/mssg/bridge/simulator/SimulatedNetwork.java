package it.mssg.bridge.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated WhatsApp network: your phone's account, its contacts, chats and history, people who write to
 * you, acks that arrive with delays, a pairing QR that rotates until scanned, and faults to inject. The
 * simulator page talks to it over HTTP; the control API and tests drive it. Thread-safe (one monitor).
 */
public final class SimulatedNetwork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedNetwork.class);
    static final String ME = "390000000001";
    static final Duration QR_LIFETIME = Duration.ofSeconds(20);
    private static final int EVENTS_KEPT = 20_000;
    private static final List<String> PHRASES = List.of("Ciao! Are you open tomorrow?", "Thanks, received 👍",
            "Can I book for Saturday at 10?", "What's the price for two?", "See you later", "Perfect, thank you!",
            "Is the offer still valid?", "<b>not bold</b> & friends", "Running 5 minutes late, sorry",
            "Could you send me the address?");

    private final Object lock = new Object();
    private final Clock clock;
    private final Path linkedFile;
    /** Every text sent, one line each, so the record of what reached "WhatsApp" survives a crash of the app. */
    private final Path sentFile;
    private final Random random;
    private final SecureRandom secureRandom = new SecureRandom();
    private final ScheduledExecutorService timers;
    private final AtomicLong messageCounter = new AtomicLong();

    private final Map<String, Map<String, Object>> contacts = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> chats = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> history = new LinkedHashMap<>();
    private final List<Map<String, Object>> labels = new ArrayList<>();
    private final List<Map<String, Object>> sent = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Set<String> linkedTokens = new LinkedHashSet<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private long firstEventSeq = 1;

    private String qrCode;
    private Instant qrExpiresAt;
    private Instant pageWaitingUntil = Instant.EPOCH;
    private Instant pageSeenAt = Instant.EPOCH;

    // faults
    private long ackDelayMillis = 150;
    private boolean noAcks;
    private final Set<String> unknownNumbers = new HashSet<>();
    private int duplicateEvents;
    private List<Map<String, String>> trackerResults = List.of();
    private volatile Runnable crashHook = () -> log.warn("crash fault asked, but no page is attached");

    public SimulatedNetwork(Seed seed, Path stateDir, Clock clock) {
        this.clock = clock;
        this.random = new Random(42);
        this.linkedFile = stateDir.resolve("linked-devices");
        this.sentFile = stateDir.resolve("sent-messages");
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mssg-simulator");
            t.setDaemon(true);
            return t;
        });
        loadLinked(stateDir);
        seed(seed);
        loadSent();
        timers.scheduleAtFixedRate(this::rotateQrIfDue, 1, 1, TimeUnit.SECONDS);
    }

    public enum Seed {
        /** a handful of contacts and chats with a little history */
        SMALL(8, 6, 6),
        /** the benchmark account: 5,000 contacts and 1,000 chats */
        LARGE(5000, 1000, 20);

        final int contacts;
        final int chats;
        final int messagesPerChat;

        Seed(int contacts, int chats, int messagesPerChat) {
            this.contacts = contacts;
            this.chats = chats;
            this.messagesPerChat = messagesPerChat;
        }
    }

    // ---- seed -------------------------------------------------------------------------------------------

    private void seed(Seed seed) {
        String[] first = {"Anna", "Marco", "Giulia", "Luca", "Sara", "Paolo", "Elena", "Davide", "Chiara", "Matteo"};
        String[] last = {"Rossi", "Bianchi", "Verdi", "Russo", "Ferrari", "Esposito", "Romano", "Colombo"};
        labels.add(Map.of("id", "1", "name", "New customer", "hexColor", "#ff9485"));
        labels.add(Map.of("id", "2", "name", "Paid", "hexColor", "#64c4ff"));
        long start = clock.instant().minus(Duration.ofDays(3)).getEpochSecond();
        for (int i = 0; i < seed.contacts; i++) {
            String number = String.format(Locale.ROOT, "39333%07d", i + 1);
            String name = first[i % first.length] + " " + last[(i / first.length) % last.length] + (i >= 80 ? " " + i : "");
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("id", wid(number + "@c.us"));
            contact.put("name", i % 7 == 6 ? null : name);
            contact.put("pushname", first[i % first.length]);
            contact.put("isBusiness", i % 11 == 3);
            contact.put("isMyContact", i % 7 != 6);
            contacts.put(number, contact);
        }
        List<String> numbers = new ArrayList<>(contacts.keySet());
        for (int c = 0; c < seed.chats && c < numbers.size(); c++) {
            String number = numbers.get(c);
            String chatId = number + "@c.us";
            List<String> chatLabels = c % 4 == 0 ? List.of("1") : c % 4 == 1 ? List.of("2") : List.of();
            Map<String, Object> chat = chat(chatId, displayName(number), false, chatLabels);
            chats.put(chatId, chat);
            List<Map<String, Object>> messages = new ArrayList<>();
            for (int m = 0; m < seed.messagesPerChat; m++) {
                boolean fromMe = m % 3 == 2;
                long t = start + c * 60L + m * 600L;
                messages.add(message(chatId, fromMe, null, PHRASES.get((c + m) % PHRASES.size()), t, fromMe ? 3 : 0));
            }
            chat.put("t", messages.isEmpty() ? start : messages.get(messages.size() - 1).get("t"));
            history.put(chatId, messages);
        }
        if (numbers.size() >= 3) {
            String groupId = "120363000000000001@g.us";
            chats.put(groupId, chat(groupId, "Team 🍕", true, List.of()));
            List<Map<String, Object>> messages = new ArrayList<>();
            messages.add(message(groupId, false, numbers.get(1) + "@c.us", "Pizza on Friday?", start + 30, 0));
            messages.add(message(groupId, false, numbers.get(2) + "@c.us", "Yes!", start + 90, 0));
            chats.get(groupId).put("t", start + 90);
            history.put(groupId, messages);
        }
    }

    private Map<String, Object> chat(String chatId, String name, boolean group, List<String> chatLabels) {
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("id", wid(chatId));
        chat.put("name", name);
        chat.put("isGroup", group);
        chat.put("unreadCount", 0);
        chat.put("t", clock.instant().getEpochSecond());
        chat.put("labels", chatLabels);
        chat.put("isReadOnly", false);
        return chat;
    }

    private String displayName(String number) {
        Map<String, Object> contact = contacts.get(number);
        if (contact == null) {
            return "+" + number;
        }
        Object name = contact.get("name");
        return name != null ? (String) name : "+" + number;
    }

    static Map<String, Object> wid(String serialized) {
        int at = serialized.indexOf('@');
        Map<String, Object> wid = new LinkedHashMap<>();
        wid.put("_serialized", serialized);
        wid.put("user", serialized.substring(0, at));
        wid.put("server", serialized.substring(at + 1));
        return wid;
    }

    private Map<String, Object> message(String chatId, boolean fromMe, String author, String body, long t, int ack) {
        String id = Long.toHexString(0x3EB0000000000000L + messageCounter.incrementAndGet()).toUpperCase(Locale.ROOT);
        String serialized = fromMe + "_" + chatId + "_" + id + (author != null ? "_" + author : "");
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("_serialized", serialized);
        key.put("fromMe", fromMe);
        key.put("remote", wid(chatId));
        key.put("id", id);
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("id", key);
        msg.put("from", wid(fromMe ? ME + "@c.us" : chatId));
        msg.put("to", wid(fromMe ? chatId : ME + "@c.us"));
        if (author != null) {
            msg.put("author", wid(author));
        }
        msg.put("body", body);
        msg.put("type", "chat");
        msg.put("t", t);
        msg.put("ack", ack);
        return msg;
    }

    // ---- pairing ----------------------------------------------------------------------------------------

    /** A page said hello: answers whether its token is linked, and the QR to show when it is not. */
    public Map<String, Object> hello(String token) {
        synchronized (lock) {
            Instant now = clock.instant();
            pageSeenAt = now;
            Map<String, Object> answer = new LinkedHashMap<>();
            boolean linked = token != null && linkedTokens.contains(token);
            answer.put("authenticated", linked);
            answer.put("me", wid(ME + "@c.us"));
            answer.put("seq", firstEventSeq + events.size() - 1);
            if (linked) {
                pageWaitingUntil = Instant.EPOCH;
            } else {
                pageWaitingUntil = now.plusSeconds(60);
                answer.put("authCode", currentQr(now));
            }
            return answer;
        }
    }

    private Map<String, Object> currentQr(Instant now) {
        if (qrCode == null || !now.isBefore(qrExpiresAt)) {
            byte[] ref = new byte[12];
            byte[] key = new byte[32];
            secureRandom.nextBytes(ref);
            secureRandom.nextBytes(key);
            Base64.Encoder b64 = Base64.getEncoder();
            String refText = "2@" + b64.encodeToString(ref);
            qrCode = refText + "," + b64.encodeToString(key) + "," + b64.encodeToString(key).substring(0, 22) + ",1";
            qrExpiresAt = now.plus(QR_LIFETIME);
        }
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("type", "qr");
        code.put("ref", qrCode.substring(0, qrCode.indexOf(',')));
        code.put("fullCode", qrCode);
        return code;
    }

    private void rotateQrIfDue() {
        synchronized (lock) {
            Instant now = clock.instant();
            if (qrCode != null && now.isBefore(pageWaitingUntil) && !now.isBefore(qrExpiresAt)) {
                qrCode = null;
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("type", "auth_code");
                event.put("code", currentQr(now));
                append(event);
            }
        }
    }

    /** "Scans" the QR shown on the page: links the browser. */
    public boolean scan() {
        synchronized (lock) {
            if (!clock.instant().isBefore(pageWaitingUntil) || qrCode == null) {
                return false;
            }
            byte[] raw = new byte[24];
            secureRandom.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            linkedTokens.add(token);
            saveLinked();
            qrCode = null;
            pageWaitingUntil = Instant.EPOCH;
            append(new LinkedHashMap<>(Map.of("type", "authenticated", "token", token)));
            return true;
        }
    }

    public boolean isLinked(String token) {
        synchronized (lock) {
            return token != null && linkedTokens.contains(token);
        }
    }

    /** The web client logged out: its token is no longer linked. */
    public void logout(String token) {
        synchronized (lock) {
            if (token != null && linkedTokens.remove(token)) {
                saveLinked();
            }
        }
    }

    /** The phone removed every linked device: pages learn it through a logout event. */
    public void unlinkAll() {
        synchronized (lock) {
            linkedTokens.clear();
            saveLinked();
            append(new LinkedHashMap<>(Map.of("type", "logout")));
        }
    }

    private void loadLinked(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            if (Files.exists(linkedFile)) {
                Files.readAllLines(linkedFile).stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(linkedTokens::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulator state in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    private void saveLinked() {
        try {
            Files.write(linkedFile, linkedTokens);
        } catch (IOException e) {
            log.warn("Cannot save the simulator's linked devices: {}", e.getMessage());
        }
    }

    // ---- what the page reads ----------------------------------------------------------------------------

    public Map<String, Object> snapshot() {
        synchronized (lock) {
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("contacts", new ArrayList<>(contacts.values()));
            snapshot.put("chats", new ArrayList<>(chats.values()));
            snapshot.put("labels", new ArrayList<>(labels));
            // like WhatsApp Web, the page keeps the recent messages of each chat in its own store
            Map<String, Object> recent = new LinkedHashMap<>();
            history.forEach((chat, messages) -> recent.put(chat, new ArrayList<>(messages.subList(Math.max(0, messages.size() - 100), messages.size()))));
            snapshot.put("messages", recent);
            return snapshot;
        }
    }

    /** The last {@code count} messages of a chat, oldest first. */
    public List<Map<String, Object>> messages(String chatId, int count) {
        synchronized (lock) {
            List<Map<String, Object>> all = history.getOrDefault(chatId, List.of());
            int from = Math.max(0, all.size() - Math.max(0, count));
            return new ArrayList<>(all.subList(from, all.size()));
        }
    }

    /** {@code queryExists}: known unless marked unknown by a fault, or not a phone number at all. */
    public Optional<String> exists(String id) {
        String number = id.replaceAll("@.*$", "");
        synchronized (lock) {
            if (!number.matches("\\d{6,15}") || unknownNumbers.contains(number)) {
                return Optional.empty();
            }
            return Optional.of(number + "@c.us");
        }
    }

    /** Events after {@code since}, waiting up to {@code wait} for one to come. */
    public List<Map<String, Object>> events(long since, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            pageSeenAt = clock.instant();
            if (pageWaitingUntil.isAfter(Instant.EPOCH)) {
                // a page that keeps polling is still showing the QR: keep rotating it for as long as it is there
                pageWaitingUntil = pageSeenAt.plusSeconds(60);
            }
            while (true) {
                long last = firstEventSeq + events.size() - 1;
                if (last > since) {
                    int from = (int) Math.max(0, since + 1 - firstEventSeq);
                    return new ArrayList<>(events.subList(from, events.size()));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return List.of();
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    private void append(Map<String, Object> event) {
        // caller holds the lock
        int copies = 1;
        String type = (String) event.get("type");
        if (duplicateEvents > 0 && ("message".equals(type) || "ack".equals(type))) {
            duplicateEvents--;
            copies = 2;
        }
        for (int i = 0; i < copies; i++) {
            Map<String, Object> copy = new LinkedHashMap<>(event);
            copy.put("seq", firstEventSeq + events.size());
            events.add(copy);
        }
        if (events.size() > EVENTS_KEPT) {
            int drop = events.size() - EVENTS_KEPT;
            events.subList(0, drop).clear();
            firstEventSeq += drop;
        }
        lock.notifyAll();
    }

    // ---- people writing to you, and what you send --------------------------------------------------------

    /** A contact writes to you; unknown numbers become new contacts. @return the message id */
    public String inbound(String fromDigits, String body) {
        if (fromDigits == null || !fromDigits.matches("\\d{6,15}")) {
            throw new IllegalArgumentException("from must be 6 to 15 digits");
        }
        if (body == null || body.isEmpty() || body.length() > 65_536) {
            throw new IllegalArgumentException("body must be 1 to 65536 characters");
        }
        synchronized (lock) {
            String chatId = fromDigits + "@c.us";
            if (!contacts.containsKey(fromDigits)) {
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("id", wid(chatId));
                contact.put("name", null);
                contact.put("pushname", "Newcomer " + fromDigits.substring(fromDigits.length() - 4));
                contact.put("isBusiness", false);
                contact.put("isMyContact", false);
                contacts.put(fromDigits, contact);
            }
            Map<String, Object> chat = chats.computeIfAbsent(chatId, id -> chat(id, displayName(fromDigits), false, List.of()));
            long t = clock.instant().getEpochSecond();
            Map<String, Object> msg = message(chatId, false, null, body, t, 0);
            chat.put("t", t);
            chat.put("unreadCount", ((Integer) chat.get("unreadCount")) + 1);
            history.computeIfAbsent(chatId, id -> new ArrayList<>()).add(msg);
            append(new LinkedHashMap<>(Map.of("type", "message", "message", msg)));
            @SuppressWarnings("unchecked")
            Map<String, Object> key = (Map<String, Object>) msg.get("id");
            return (String) key.get("_serialized");
        }
    }

    /**
     * Puts a contact in the phone's address book, with a chat that carries {@code chatLabels} ({@code name} and
     * {@code hexColor} each; a label is made when its name is new). Whatever the strings hold is kept as it is:
     * tests use it for names and labels as hostile as WhatsApp allows. The page sees it at its next sync.
     */
    public void addContact(String number, String name, String pushname, List<Map<String, String>> chatLabels) {
        if (number == null || !number.matches("\\d{6,15}")) {
            throw new IllegalArgumentException("number must be 6 to 15 digits");
        }
        for (String text : new String[]{name, pushname}) {
            if (text != null && text.length() > 10_000) {
                throw new IllegalArgumentException("names are at most 10000 characters");
            }
        }
        synchronized (lock) {
            List<String> labelIds = new ArrayList<>();
            for (Map<String, String> wanted : chatLabels) {
                String labelName = wanted.get("name");
                if (labelName == null || labelName.isEmpty() || labelName.length() > 10_000) {
                    throw new IllegalArgumentException("a label needs a name of 1 to 10000 characters");
                }
                String id = labels.stream().filter(l -> labelName.equals(l.get("name"))).map(l -> (String) l.get("id"))
                        .findFirst().orElse(null);
                if (id == null) {
                    id = Integer.toString(labels.size() + 1);
                    Map<String, Object> label = new LinkedHashMap<>();
                    label.put("id", id);
                    label.put("name", labelName);
                    label.put("hexColor", wanted.getOrDefault("hexColor", "#dfaef0"));
                    labels.add(label);
                }
                labelIds.add(id);
            }
            String chatId = number + "@c.us";
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("id", wid(chatId));
            contact.put("name", name);
            contact.put("pushname", pushname);
            contact.put("isBusiness", false);
            contact.put("isMyContact", name != null);
            contacts.put(number, contact);
            Map<String, Object> chat = chat(chatId, displayName(number), false, labelIds);
            Map<String, Object> before = chats.get(chatId);
            if (before != null) {
                chat.put("t", before.get("t"));
                chat.put("unreadCount", before.get("unreadCount"));
            }
            chats.put(chatId, chat);
        }
    }

    /**
     * The account leaves a group, as a person does on their phone: the chat stays in the list, read-only, and
     * WhatsApp refuses what is sent there. A linked page hears of it at once. @return false when the account has no
     * such group
     */
    public boolean leaveGroup(String chatId) {
        synchronized (lock) {
            Map<String, Object> chat = chatId == null ? null : chats.get(chatId);
            if (chat == null || !Boolean.TRUE.equals(chat.get("isGroup"))) return false;
            chat.put("isReadOnly", true);
            append(new LinkedHashMap<>(Map.of("type", "chat_changed", "chat", new LinkedHashMap<>(chat))));
            return true;
        }
    }

    /**
     * A group chat this account has ({@code chatId} as {@code …@g.us}), else empty: as on WhatsApp, you can
     * write only to groups you are in, and there is no phone number to look up.
     */
    public Optional<String> group(String chatId) {
        synchronized (lock) {
            Map<String, Object> chat = chatId == null ? null : chats.get(chatId);
            return chat != null && Boolean.TRUE.equals(chat.get("isGroup")) ? Optional.of(chatId) : Optional.empty();
        }
    }

    /**
     * The page sends a text to a person or to a group it is in: it reaches the network, lands in that chat's
     * history, and acks follow (unless a fault holds them).
     */
    public Map<String, Object> send(String chatId, String text) {
        Optional<String> recipient = chatId != null && chatId.endsWith("@g.us") ? group(chatId) : exists(chatId);
        if (recipient.isEmpty()) {
            throw new IllegalArgumentException("not on WhatsApp: " + chatId);
        }
        synchronized (lock) {
            String to = recipient.get();
            Map<String, Object> existing = chats.get(to); // none yet for a person written to the first time
            if (existing != null && Boolean.TRUE.equals(existing.get("isReadOnly"))) {
                throw new IllegalArgumentException("not a participant of this group any more: " + chatId);
            }
            long t = clock.instant().getEpochSecond();
            Map<String, Object> msg = message(to, true, null, text, t, 0);
            @SuppressWarnings("unchecked")
            Map<String, Object> key = (Map<String, Object>) msg.get("id");
            String id = (String) key.get("_serialized");
            history.computeIfAbsent(to, c -> new ArrayList<>()).add(msg);
            chats.computeIfAbsent(to, c -> chat(c, displayName(to.replace("@c.us", "")), false, List.of())).put("t", t);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", id);
            record.put("to", to);
            record.put("body", text);
            record.put("t", t);
            sent.add(record);
            persistSent(id, to, t, text);
            append(new LinkedHashMap<>(Map.of("type", "message", "message", msg)));
            if (!noAcks) {
                long delay = ackDelayMillis;
                for (int ack = 1; ack <= 3; ack++) {
                    int value = ack;
                    timers.schedule(() -> ack(msg, value), delay * ack, TimeUnit.MILLISECONDS);
                }
            }
            return Map.of("id", id, "ack", 0);
        }
    }

    private void ack(Map<String, Object> msg, int ack) {
        synchronized (lock) {
            msg.put("ack", ack);
            @SuppressWarnings("unchecked")
            Map<String, Object> key = (Map<String, Object>) msg.get("id");
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", "ack");
            event.put("ack", ack);
            event.put("chat", key.get("remote"));
            event.put("ids", List.of(key));
            append(event);
        }
    }

    /** Appends one sent text to {@link #sentFile} (caller holds the lock); written before the page hears back. */
    private void persistSent(String id, String to, long t, String text) {
        String line = id + '\t' + to + '\t' + t + '\t'
                + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + '\n';
        try {
            Files.writeString(sentFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("The simulator could not record a sent message in {}: {}", sentFile, e.getMessage());
        }
    }

    /**
     * Restores what was sent before this network was created (the app restarted on the same data directory): the
     * record behind {@code GET /control/sent} and the messages in their chats, so a restarted app finds them.
     */
    private void loadSent() {
        if (!Files.exists(sentFile)) {
            return;
        }
        try {
            String[] lines = Files.readString(sentFile, StandardCharsets.UTF_8).split("\n", -1);
            // the last piece is empty, or a line cut short by a crash: that send never returned to the page
            for (String line : java.util.Arrays.asList(lines).subList(0, lines.length - 1)) {
                String[] parts = line.split("\t");
                if (parts.length != 4) {
                    continue;
                }
                String id = parts[0];
                String to = parts[1];
                long t = Long.parseLong(parts[2]);
                String body = new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.UTF_8);
                String hex = id.substring(id.lastIndexOf('_') + 1);
                messageCounter.set(Math.max(messageCounter.get(), Long.parseUnsignedLong(hex, 16) - 0x3EB0000000000000L));
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("_serialized", id);
                key.put("fromMe", true);
                key.put("remote", wid(to));
                key.put("id", hex);
                Map<String, Object> msg = new LinkedHashMap<>();
                msg.put("id", key);
                msg.put("from", wid(ME + "@c.us"));
                msg.put("to", wid(to));
                msg.put("body", body);
                msg.put("type", "chat");
                msg.put("t", t);
                msg.put("ack", 3);
                history.computeIfAbsent(to, c -> new ArrayList<>()).add(msg);
                chats.computeIfAbsent(to, c -> chat(c, displayName(to.replace("@c.us", "")), false, List.of())).put("t", t);
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", id);
                record.put("to", to);
                record.put("body", body);
                record.put("t", t);
                sent.add(record);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the simulator's sent messages in " + sentFile + ": " + e.getMessage(), e);
        }
    }

    public List<Map<String, Object>> sent() {
        synchronized (lock) {
            return new ArrayList<>(sent);
        }
    }

    // ---- faults -----------------------------------------------------------------------------------------

    /** Called by the browser side: what "page crash" does to the attached page. */
    public void onCrashFault(Runnable hook) {
        this.crashHook = hook;
    }

    /** Applies a fault from the control API; answers what was done. */
    public String fault(Map<String, Object> fault) {
        String type = String.valueOf(fault.get("type"));
        switch (type) {
            case "crash" -> {
                crashHook.run();
                return "page crash asked";
            }
            case "hang" -> {
                synchronized (lock) {
                    append(new LinkedHashMap<>(Map.of("type", "hang")));
                }
                return "page hang sent";
            }
            case "reload" -> {
                synchronized (lock) {
                    append(new LinkedHashMap<>(Map.of("type", "reload")));
                }
                return "page reload sent";
            }
            case "slow-acks" -> {
                long ms = number(fault.get("ms"), 5000);
                synchronized (lock) {
                    ackDelayMillis = ms;
                }
                return "acks now arrive every " + ms + " ms";
            }
            case "no-acks" -> {
                synchronized (lock) {
                    noAcks = true;
                }
                return "acks are withheld";
            }
            case "unknown-number" -> {
                String number = String.valueOf(fault.get("number")).replaceAll("@.*$", "");
                if (!number.matches("\\d{6,15}")) {
                    throw new IllegalArgumentException("unknown-number needs \"number\": 6 to 15 digits");
                }
                synchronized (lock) {
                    unknownNumbers.add(number);
                }
                return number + " is not on WhatsApp";
            }
            case "burst" -> {
                int count = (int) number(fault.get("count"), 1000);
                List<String> numbers;
                synchronized (lock) {
                    numbers = new ArrayList<>(contacts.keySet());
                }
                for (int i = 0; i < count; i++) {
                    inbound(numbers.get(i % Math.min(numbers.size(), 50)), "burst message " + (i + 1) + " of " + count);
                }
                return count + " messages written";
            }
            case "duplicate-events" -> {
                int count = (int) number(fault.get("count"), 1);
                synchronized (lock) {
                    duplicateEvents += count;
                }
                return "the next " + count + " message/ack events are delivered twice";
            }
            case "trackers" -> {
                Map<String, Object> event = new LinkedHashMap<>(Map.of("type", "trackers"));
                Object also = fault.get("also");
                if (also != null) {
                    if (!String.valueOf(also).matches("https?://[^\\s]{1,500}")) {
                        throw new IllegalArgumentException("trackers: \"also\" must be an http(s) address");
                    }
                    event.put("also", String.valueOf(also));
                }
                synchronized (lock) {
                    trackerResults = List.of();
                    append(event);
                }
                return "the page tries analytics and crash-log hosts" + (also != null ? " and " + also : "");
            }
            case "logout" -> {
                unlinkAll();
                return "every linked device was logged out from the phone";
            }
            case "clear" -> {
                synchronized (lock) {
                    ackDelayMillis = 150;
                    noAcks = false;
                    unknownNumbers.clear();
                    duplicateEvents = 0;
                }
                return "faults cleared";
            }
            default -> throw new IllegalArgumentException("unknown fault type: " + type);
        }
    }

    private static long number(Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d{1,9}")) {
            return Long.parseLong(s);
        }
        return fallback;
    }

    /** What the page saw when it tried the trackers: a list of {what, outcome}, shown in the control state. */
    public void trackersTried(Object results) {
        List<Map<String, String>> seen = new ArrayList<>();
        if (results instanceof List<?> list) {
            for (Object item : list.subList(0, Math.min(list.size(), 20))) {
                if (item instanceof Map<?, ?> map) {
                    seen.add(Map.of("what", clip(map.get("what")), "outcome", clip(map.get("outcome"))));
                }
            }
        }
        synchronized (lock) {
            trackerResults = List.copyOf(seen);
        }
    }

    private static String clip(Object value) {
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    // ---- strict WPP -------------------------------------------------------------------------------------

    public void violation(String what) {
        synchronized (lock) {
            if (violations.size() < 1000) {
                violations.add(what.length() > 200 ? what.substring(0, 200) : what);
            }
            log.warn("The page touched WPP outside the contract: {}", what);
        }
    }

    public List<String> violations() {
        synchronized (lock) {
            return new ArrayList<>(violations);
        }
    }

    // ---- demo -------------------------------------------------------------------------------------------

    /** Now and then a simulated contact writes, so a new user sees a living dashboard. */
    public void startDemo(Duration every) {
        timers.scheduleWithFixedDelay(() -> {
            try {
                List<String> numbers;
                synchronized (lock) {
                    if (linkedTokens.isEmpty()) {
                        return;
                    }
                    numbers = new ArrayList<>(contacts.keySet());
                }
                String from = numbers.get(random.nextInt(Math.min(numbers.size(), 8)));
                inbound(from, PHRASES.get(random.nextInt(PHRASES.size())));
            } catch (RuntimeException e) {
                log.debug("demo message skipped: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Map<String, Object> state() {
        synchronized (lock) {
            Instant now = clock.instant();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("linked", !linkedTokens.isEmpty());
            state.put("waitingForScan", now.isBefore(pageWaitingUntil) && qrCode != null);
            state.put("qr", qrCode == null ? null : Map.of("fullCode", qrCode, "expiresAt", qrExpiresAt.toString()));
            state.put("pageSeenAt", pageSeenAt.toString());
            state.put("me", ME);
            state.put("contacts", contacts.size());
            state.put("chats", chats.size());
            state.put("sent", sent.size());
            state.put("violations", new ArrayList<>(violations));
            Map<String, Object> faults = new LinkedHashMap<>();
            faults.put("ackDelayMs", ackDelayMillis);
            faults.put("noAcks", noAcks);
            faults.put("unknownNumbers", new ArrayList<>(unknownNumbers));
            faults.put("duplicateEvents", duplicateEvents);
            state.put("faults", faults);
            state.put("trackers", trackerResults);
            return state;
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
