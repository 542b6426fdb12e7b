package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.WaChat;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaLabel;
import it.mssg.core.api.WaMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first sync of the simulator's large seed, fed to core the way the bridge's HistorySync pages it
 * (contacts and chats 500 a call, messages of 50 chats a call), without a browser: 5,000 contacts, 1,000
 * chats, 20,000 history messages. Prints wall and thread-CPU time per phase (the figures go to
 * docs/BENCHMARKS.md); asserts only that everything was stored once.
 */
class LargeSyncIT extends CoreIntegrationTest {

    static final int CONTACTS = 5_000;
    static final int CHATS = 1_000;
    static final int PER_CHAT = 20;
    static final int PAGE = 500;
    static final int CHATS_PER_CALL = 50;

    @Autowired InboundEvents inbound;

    @Test
    void storesTheLargeSeedsFirstSync() {
        List<WaContact> contacts = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(new WaContact(waId(i), "Contatto " + i, "Push " + i, i % 10 == 0, true, i % 7 == 0 ? List.of("1") : List.of()));
        }
        Instant old = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<WaChat> chats = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            chats.add(new WaChat(waId(i), "Contatto " + i, false, i % 3, old.plusSeconds(i * 60L + PER_CHAT), List.of()));
        }

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        inbound.labelsSynced(List.of(new WaLabel("1", "Cliente", "#ff0000"), new WaLabel("2", "Fornitore", "#00ff00")));
        for (int from = 0; from < CONTACTS; from += PAGE) {
            inbound.contactsSynced(List.copyOf(contacts.subList(from, Math.min(CONTACTS, from + PAGE))));
        }
        long c1 = mx.getCurrentThreadCpuTime(), t1 = System.nanoTime();
        for (int from = 0; from < CHATS; from += PAGE) {
            inbound.chatsSynced(List.copyOf(chats.subList(from, Math.min(CHATS, from + PAGE))));
        }
        long c2 = mx.getCurrentThreadCpuTime(), t2 = System.nanoTime();
        for (int from = 0; from < CHATS; from += CHATS_PER_CALL) {
            List<WaMessage> page = new ArrayList<>();
            for (int chat = from; chat < from + CHATS_PER_CALL; chat++) {
                for (int k = 0; k < PER_CHAT; k++) {
                    boolean mine = k % 2 == 1;
                    page.add(new WaMessage(mine + "_" + waId(chat) + "_M" + k, waId(chat), null, mine,
                            "messaggio " + k + " della chat " + chat, "chat", old.plusSeconds(chat * 60L + k), 3));
                }
            }
            inbound.messagesReceived(page);
        }
        long c3 = mx.getCurrentThreadCpuTime(), t3 = System.nanoTime();

        System.out.printf("[figures] large sync in core (%s): contacts %d ms (CPU %d ms), chats %d ms (CPU %d ms),"
                        + " messages %d ms (CPU %d ms), total %d ms (CPU %d ms); load average %.1f on %d cores%n",
                database(), ms(t1 - t0), ms(c1 - c0), ms(t2 - t1), ms(c2 - c1), ms(t3 - t2), ms(c3 - c2), ms(t3 - t0), ms(c3 - c0),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());

        assertThat(jdbc.queryForObject("select count(*) from contact", Long.class)).isEqualTo(CONTACTS);
        assertThat(jdbc.queryForObject("select count(*) from chat", Long.class)).isEqualTo(CHATS);
        assertThat(jdbc.queryForObject("select count(*) from message", Long.class)).isEqualTo((long) CHATS * PER_CHAT);
        assertThat(jdbc.queryForObject("select count(*) from contact_tag", Long.class)).isEqualTo((CONTACTS + 6) / 7);
    }

    private String database() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    }

    private static String waId(int i) {
        return "39333" + (1_000_000 + i) + "@c.us";
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
