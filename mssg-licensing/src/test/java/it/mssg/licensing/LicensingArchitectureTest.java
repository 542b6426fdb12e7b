package it.mssg.licensing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "it.mssg", importOptions = LicensingArchitectureTest.ProductionCode.class)
class LicensingArchitectureTest {

    /** Main classes only, also when the build folder has a suffix ({@code target-x/test-classes}), which DoNotIncludeTests misses. */
    static final class ProductionCode implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static final String[] APP_SIDE = {"it.mssg.licensing", "it.mssg.licensing.api..", "it.mssg.licensing.domain..",
            "it.mssg.licensing.application..", "it.mssg.licensing.store.."};

    @ArchTest
    static final ArchRule domainIsPureJava = noClasses().that().resideInAnyPackage("it.mssg.licensing.domain..",
                    "it.mssg.licensing.server.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.microsoft.playwright..",
                    "com.stripe..", "tools.jackson..");

    /** Other modules are reached only through core's api and spi, never its services or storage. */
    @ArchTest
    static final ArchRule onlyCoreApiAndSpi = noClasses().that().resideInAPackage("it.mssg.licensing..")
            .should().dependOnClassesThat().resideInAnyPackage("it.mssg.core.domain..", "it.mssg.core.application..",
                    "it.mssg.core.store..")
            .allowEmptyShould(true);

    /** The app ships the client only: nothing the app runs may touch Stripe (or its JSON library). */
    @ArchTest
    static final ArchRule appSideNeverImportsStripe = noClasses().that().resideInAnyPackage(APP_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage("com.stripe..", "com.google.gson..");

    /** The app side does not know the server exists; the app's component scan leaves the server out. */
    @ArchTest
    static final ArchRule appSideNeverReachesTheServer = noClasses().that().resideInAnyPackage(APP_SIDE)
            .should().dependOnClassesThat().resideInAPackage("it.mssg.licensing.server..");

    /** Stripe is spoken in one adapter only. */
    @ArchTest
    static final ArchRule stripeOnlyInItsAdapter = noClasses().that().resideOutsideOfPackage("it.mssg.licensing.server.stripe..")
            .should().dependOnClassesThat().resideInAPackage("com.stripe..");

    /** Client and server store with plain JDBC: no JPA, Hibernate or Spring Data, whose start-up the app no longer pays. */
    @ArchTest
    static final ArchRule noJpa = noClasses().that().resideInAPackage("it.mssg.licensing..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "org.springframework.data..");

    /** A licence never locks the user's data: licensing cannot reach contacts, chats, messages or WhatsApp. */
    @ArchTest
    static final ArchRule licensingNeverReachesMessagingData = noClasses().that().resideInAPackage("it.mssg.licensing..")
            .should().dependOnClassesThat(messagingData());

    private static DescribedPredicate<JavaClass> messagingData() {
        return DescribedPredicate.describe("contacts, chats, messages or the WhatsApp ports of core",
                type -> type.getPackageName().startsWith("it.mssg.core")
                        && (type.getPackageName().startsWith("it.mssg.core.spi")
                        || type.getSimpleName().matches(".*(Contact|Chat|Message|Outbox|Campaign|Wa[A-Z]).*")));
    }
}
