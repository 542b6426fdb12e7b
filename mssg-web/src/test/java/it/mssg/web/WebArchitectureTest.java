package it.mssg.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "it.mssg", importOptions = WebArchitectureTest.MainClassesOnly.class)
class WebArchitectureTest {

    /** Like ArchUnit's DoNotIncludeTests, but also for build folders renamed with -Dbuild.suffix (target-web/…). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    /** Web sees other modules only through their api packages. */
    @ArchTest
    static final ArchRule webUsesOnlyApis = noClasses().that().resideInAPackage("it.mssg.web..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "it.mssg.core.domain..", "it.mssg.core.application..", "it.mssg.core.store..", "it.mssg.core.spi..",
                    "it.mssg.agent.domain..", "it.mssg.agent.application..", "it.mssg.agent.store..",
                    "it.mssg.licensing.domain..", "it.mssg.licensing.application..", "it.mssg.licensing.store..",
                    "it.mssg.licensing.server..", "it.mssg.bridge..", "com.microsoft.playwright..", "com.stripe..");
}
