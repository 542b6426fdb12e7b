package it.mssg.bridge;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "it.mssg", importOptions = {ImportOption.DoNotIncludeTests.class, BridgeArchitectureTest.NoTestClasses.class})
class BridgeArchitectureTest {

    /** Also leaves out test classes built into a suffixed output folder (target-&lt;name&gt;/test-classes). */
    static final class NoTestClasses implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("it.mssg.bridge.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..", "com.microsoft.playwright..", "com.stripe..")
            .allowEmptyShould(true);

    /** Other modules are reached only through core's api and spi, never its services or storage. */
    @ArchTest
    static final ArchRule onlyCoreApiAndSpi = noClasses().that().resideInAPackage("it.mssg.bridge..")
            .should().dependOnClassesThat().resideInAnyPackage("it.mssg.core.domain..", "it.mssg.core.application..",
                    "it.mssg.core.store..")
            .allowEmptyShould(true);

    /** Playwright objects are confined to one thread; only the browser and page packages may hold them. */
    @ArchTest
    static final ArchRule playwrightOnlyInBrowserAndPage = noClasses().that().resideInAPackage("it.mssg.bridge..")
            .and().resideOutsideOfPackages("it.mssg.bridge.browser..", "it.mssg.bridge.page..")
            .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.playwright..");

    /** The domain does not reach into the adapters. */
    @ArchTest
    static final ArchRule domainDependsOnNoAdapter = noClasses().that().resideInAPackage("it.mssg.bridge.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("it.mssg.bridge.browser..", "it.mssg.bridge.page..",
                    "it.mssg.bridge.simulator..", "it.mssg.bridge.sync..", "it.mssg.bridge.application..");
}
