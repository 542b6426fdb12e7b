package it.mssg.agent.application;

import it.mssg.agent.AgentTestApplication;
import it.mssg.agent.FakeCore;
import it.mssg.agent.RecordingSender;
import it.mssg.agent.api.AgentHealth;
import it.mssg.agent.api.AgentMode;
import it.mssg.agent.api.AgentRules;
import it.mssg.agent.api.AgentSettingsView;
import it.mssg.agent.api.HealthCountView;
import it.mssg.agent.api.KnowledgeBase;
import it.mssg.agent.api.KnowledgeEntryEdit;
import it.mssg.agent.api.KnowledgeEntryView;
import it.mssg.agent.api.ReasonCode;
import it.mssg.agent.api.ReplyOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Spring context for the agent's integration tests: H2 file database in a temp folder (or a fresh PostgreSQL
 * database with {@code -Dmssg.test.db=postgresql}, see {@code PostgresTestDatabase}), the real model.
 */
@SpringBootTest(classes = AgentTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:file:${mssg.data-dir}/db/mssg;DB_CLOSE_ON_EXIT=FALSE",
        "spring.datasource.username=mssg",
        "spring.datasource.password="})
abstract class AgentITSupport {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("mssg-agent-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // the database settings are in @SpringBootTest's properties: PostgresTestDatabase must be able to replace them
        registry.add("mssg.data-dir", DATA_DIR::toString);
        registry.add("spring.flyway.locations", () -> "classpath:db/migration/core,classpath:db/migration/agent");
    }

    @Autowired FakeCore core;
    @Autowired RecordingSender outbox;
    @Autowired KnowledgeBase knowledge;
    @Autowired AgentRules rules;
    @Autowired AgentHealth health;
    @Autowired AgentWorker worker;

    /** Shop answers: opening hours, prices, delivery (the calibration fixture), created once per context. */
    KnowledgeEntryView hours, prices, delivery;

    void setUpShop() {
        rules.updateSettings(new AgentSettingsView(0.80, 0.05, AgentMode.SUGGEST, 30, LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT, "UTC", 3, 120, 15, List.of("refund", "lawyer", "complaint")));
        List<KnowledgeEntryView> existing = knowledge.list();
        hours = find(existing, "Opening hours", "Hi {{first_name|there}}, we are open Monday to Saturday, 9:00 to 18:00.",
                List.of("What are your opening hours?", "When are you open?", "What time do you close today?", "Are you open on Sunday?"), List.of());
        prices = find(existing, "Prices", "A haircut is 25 euros; the full price list is on our website.",
                List.of("How much does it cost?", "What are your prices?", "Can you send me the price list?", "How much is a haircut?"), List.of("listino"));
        delivery = find(existing, "Delivery", "We deliver in 2 working days; delivery is free above 50 euros.",
                List.of("Do you deliver?", "How long does shipping take?", "Where is my order?", "How much is delivery to my address?"), List.of());
    }

    private KnowledgeEntryView find(List<KnowledgeEntryView> existing, String title, String answer, List<String> questions,
                                    List<String> keywords) {
        return existing.stream().filter(e -> e.title().equals(title)).findFirst()
                .orElseGet(() -> knowledge.create(new KnowledgeEntryEdit(title, answer, "en", true, questions, keywords)));
    }

    void drain() throws Exception {
        worker.drain(30, TimeUnit.SECONDS);
    }

    long count(ReplyOutcome outcome, ReasonCode reason) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return health.daily(today.minusDays(1), today.plusDays(1)).stream()
                .filter(c -> c.outcome() == outcome && c.reason() == reason).mapToLong(HealthCountView::count).sum();
    }
}
