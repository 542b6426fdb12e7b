package it.mssg.web.data;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM's outbound calls, as a rule over every class of the app (all modules; the vendor's licence server,
 * a separate application, is left out): only the licence client and the two clients of the LLM endpoint the
 * user configures may use an HTTP client, and nothing may open sockets or URL connections of its own. The
 * browser's traffic is Chromium's and is governed by the bridge's allow-list, not here.
 */
class EgressRuleTest {

    /** The only classes allowed to call out, each to an address taken from the user's settings. */
    static final Set<String> CALLERS = Set.of(
            "it.mssg.licensing.application.HttpLicenceServer",   // mssg.licensing.server-url
            "it.mssg.agent.matching.HttpDraftWriter",            // the LLM endpoint set in the agent's settings
            "it.mssg.agent.matching.HttpEmbeddingModel");        // the same endpoint's embeddings

    static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter()
                // test classes are left out by folder (DO_NOT_INCLUDE_TESTS knows only target/, not target-<suffix>/)
                .withImportOption(location -> !location.contains("/test-classes/"))
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/it/mssg/licensing/server/"))
                .importPackages("it.mssg");
    }

    @Test
    void theAppIsAllThere() {
        // the rule means something only if every module's classes were imported
        Set<String> modules = new TreeSet<>();
        app.forEach(c -> {
            String[] parts = c.getPackageName().split("\\.");
            if (parts.length > 2) modules.add(parts[2]);
        });
        assertThat(modules).contains("core", "bridge", "agent", "licensing", "web");
        assertThat(app.stream().map(c -> c.getName())).containsAll(CALLERS);
        assertThat(app.stream().map(c -> c.getName())).noneMatch(n -> n.startsWith("it.mssg.licensing.server."));
    }

    @Test
    void onlyTheLicenceClientAndTheLlmClientsUseHttp() {
        ArchRule rule = noClasses().that().resideInAPackage("it.mssg..")
                .and().doNotHaveFullyQualifiedName("it.mssg.licensing.application.HttpLicenceServer")
                .and().doNotHaveFullyQualifiedName("it.mssg.agent.matching.HttpDraftWriter")
                .and().doNotHaveFullyQualifiedName("it.mssg.agent.matching.HttpEmbeddingModel")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .because("the JVM calls only the licence server and the user's LLM endpoint");
        rule.check(app);
    }

    @Test
    void nothingOpensSocketsOrUrlConnectionsOrOtherHttpClients() {
        ArchRule rule = noClasses().that().resideInAPackage("it.mssg..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URL")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.SocketChannel")
                .orShould().dependOnClassesThat().resideInAnyPackage("javax.net..", "org.springframework.web.client..",
                        "org.springframework.web.reactive.function.client..", "org.apache.hc..", "okhttp3..",
                        "com.stripe..", "dev.langchain4j.http..", "dev.langchain4j.model.openai..",
                        "dev.langchain4j.model.ollama..")
                .because("outbound calls go only through the three allowed clients");
        rule.check(app);
    }
}
