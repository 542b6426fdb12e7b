package it.mssg.web.layout;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When events leave for the open pages: outside a transaction soon, inside one only after it committed. */
class LiveUpdatesTest {

    /** An open page's stream: what was sent to it, as SSE text. */
    static final class RecordingStream extends SseEmitter {
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();

        @Override
        public void send(SseEventBuilder event) {
            sent.add(event.build().stream().map(d -> String.valueOf(d.getData())).collect(Collectors.joining()));
        }

        String next(long ms) throws InterruptedException {
            return sent.poll(ms, TimeUnit.MILLISECONDS);
        }
    }

    private LiveUpdates live;
    private RecordingStream page;

    @BeforeEach
    void open() {
        ITemplateEngine templates = mock(ITemplateEngine.class);
        when(templates.process(eq("fragments/progress"), anySet(), any(IContext.class))).thenReturn("<div\nclass=bar>50%</div>");
        live = new LiveUpdates(templates);
        page = new RecordingStream();
        live.subscribe(page);
    }

    @AfterEach
    void close() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(live);
        live.destroy();
    }

    /** Ends the transaction the test opened as a transaction manager would, with {@code status}. */
    private static void endTransaction(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
    }

    @Test
    void outsideATransactionAnEventLeavesAtOnceAndOnOneLine() throws Exception {
        live.send("chats-changed", "<li>a</li>\r\n<li>b</li>");
        assertEquals("event:chats-changed\ndata:<li>a</li> <li>b</li>\n\n", page.next(2_000));
    }

    @Test
    void insideATransactionEventsWaitForTheCommitThenLeaveTogether() throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        live.send("message-received", "7");
        live.send("chats-changed", "7");
        assertNull(page.next(300), "nothing leaves before the commit: the page would refresh without the change");

        long committed = System.nanoTime();
        endTransaction(TransactionSynchronization.STATUS_COMMITTED);
        String first = page.next(2_000);
        String second = page.next(2_000);
        assertNotNull(first);
        assertNotNull(second);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed) < 1_000, "they leave right after the commit");
        assertEquals(Set.of("event:message-received\ndata:7\n\n", "event:chats-changed\ndata:7\n\n"), Set.of(first, second));
        assertNull(TransactionSynchronizationManager.getResource(live), "nothing of the transaction is left bound");
    }

    @Test
    void aRolledBackTransactionsEventsNeverLeave() throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        live.send("message-received", "7");
        endTransaction(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertNull(page.next(500), "a change that never happened makes no page refresh");

        live.send("chats-changed", "8");
        assertEquals("event:chats-changed\ndata:8\n\n", page.next(2_000), "later events still leave");
    }

    @Test
    void progressLeavesWhileItsTransactionIsStillOpen() throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        live.progress("import", "Importing", 5, 10);
        assertEquals("event:progress-import\ndata:<div class=bar>50%</div>\n\n", page.next(2_000),
                "a progress bar reports work in flight: it cannot wait for the end of that work");
        endTransaction(TransactionSynchronization.STATUS_COMMITTED);
    }
}
