package it.mssg.agent.application;

import com.sun.net.httpserver.HttpServer;
import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentSuggestions;
import it.mssg.agent.api.SuggestionView;
import it.mssg.core.api.ChatView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static it.mssg.agent.api.ReasonCode.BELOW_THRESHOLD;
import static it.mssg.agent.api.ReplyOutcome.SILENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** With a local language model configured, drafts appear as suggestions and never reach the outbox. */
class AgentDraftingIT extends AgentITSupport {

    static final HttpServer FAKE_OLLAMA;
    static final AtomicReference<String> MODEL_SAYS = new AtomicReference<>();

    static {
        try {
            FAKE_OLLAMA = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FAKE_OLLAMA.createContext("/api/chat", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] body = ("{\"message\":{\"role\":\"assistant\",\"content\":\"" + MODEL_SAYS.get() + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        FAKE_OLLAMA.start();
    }

    @DynamicPropertySource
    static void drafting(DynamicPropertyRegistry registry) {
        registry.add("mssg.agent.drafting.enabled", () -> "true");
        registry.add("mssg.agent.drafting.provider", () -> "OLLAMA");
        registry.add("mssg.agent.drafting.url", () -> "http://127.0.0.1:" + FAKE_OLLAMA.getAddress().getPort());
        registry.add("mssg.agent.drafting.model", () -> "llama3.2");
    }

    @AfterAll
    static void stopServer() {
        FAKE_OLLAMA.stop(0);
    }

    @Autowired AgentSuggestions suggestions;

    @BeforeEach
    void shop() {
        setUpShop();
        outbox.refuse = false;
    }

    @Test
    void inAutoModeADraftIsOnlyEverASuggestion() throws Exception {
        MODEL_SAYS.set("We have gift cards in the shop, ask at the counter.");
        ChatView chat = core.contactWithChat("Nora", false, List.of());
        rules.setContactMode(chat.contactId(), AgentMode.AUTO);
        long silence = count(SILENCE, BELOW_THRESHOLD);

        core.receive(chat, "do you sell gift cards?", Instant.now(), true);
        drain();

        assertThat(count(SILENCE, BELOW_THRESHOLD)).isEqualTo(silence + 1);
        assertThat(outbox.queued).noneMatch(r -> r.chatId() == chat.id());
        assertThat(suggestions.forChat(chat.id())).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo(SuggestionView.Source.DRAFT);
            assertThat(s.text()).isEqualTo("We have gift cards in the shop, ask at the counter.");
        });
    }

    @Test
    void suggestModeShowsApprovedAnswersFirstAndDropsDraftsWithPersonalData() throws Exception {
        MODEL_SAYS.set("Write to boss@example.com for prices");
        ChatView chat = core.contactWithChat("Otto", false, List.of());

        core.receive(chat, "how much is a haircut?", Instant.now(), true);
        drain();

        assertThat(suggestions.forChat(chat.id())).extracting(SuggestionView::source)
                .containsOnly(SuggestionView.Source.APPROVED_ANSWER);

        MODEL_SAYS.set("A haircut is 25 euros.");
        ChatView other = core.contactWithChat("Pia", false, List.of());
        core.receive(other, "how much is a haircut?", Instant.now(), true);
        drain();

        List<SuggestionView> offered = suggestions.forChat(other.id());
        assertThat(offered.get(0).source()).isEqualTo(SuggestionView.Source.APPROVED_ANSWER);
        assertThat(offered.get(offered.size() - 1).source()).isEqualTo(SuggestionView.Source.DRAFT);
    }
}
