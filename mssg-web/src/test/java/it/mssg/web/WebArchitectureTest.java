package it.mssg.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import it.mssg.core.spi.CampaignLicence;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

@AnalyzeClasses(packages = "it.mssg", importOptions = WebArchitectureTest.MainClassesOnly.class)
class WebArchitectureTest {

    /** Like ArchUnit's DoNotIncludeTests, but also for build folders renamed with -Dbuild.suffix (target-web/…). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    /**
     * Web sees other modules only through their api packages. The one port of core it answers itself is the licence
     * for campaigns (licensing may not reach campaigns, so web joins the two, as it does for the agent's AUTO mode);
     * core's WhatsApp ports stay the bridge's.
     */
    @ArchTest
    static final ArchRule webUsesOnlyApis = noClasses().that().resideInAPackage("it.mssg.web..")
            .should().dependOnClassesThat(resideInAnyPackage(
                    "it.mssg.core.domain..", "it.mssg.core.application..", "it.mssg.core.store..", "it.mssg.core.spi..",
                    "it.mssg.agent.domain..", "it.mssg.agent.application..", "it.mssg.agent.store..",
                    "it.mssg.licensing.domain..", "it.mssg.licensing.application..", "it.mssg.licensing.store..",
                    "it.mssg.licensing.server..", "it.mssg.bridge..", "com.microsoft.playwright..", "com.stripe..")
                    .and(not(type(CampaignLicence.class))));

    /**
     * The packaged app's bean graph is worked out at build time (Spring AOT), which fixes every condition: a bean that
     * exists only in some mode must decide at run time (null otherwise) instead. The vendor's licence server is a
     * separate application, not processed ahead of time.
     */
    @ArchTest
    static final ArchRule noClassDependsOnASettingToExist = noClasses().that().resideOutsideOfPackage("it.mssg.licensing.server..")
            .should().beAnnotatedWith(ConditionalOnProperty.class)
            .orShould().beAnnotatedWith(ConditionalOnExpression.class).orShould().beAnnotatedWith(Profile.class);

    @ArchTest
    static final ArchRule noBeanMethodDependsOnASettingToExist = noMethods().that().areDeclaredInClassesThat()
            .resideOutsideOfPackage("it.mssg.licensing.server..")
            .should().beAnnotatedWith(ConditionalOnProperty.class)
            .orShould().beAnnotatedWith(ConditionalOnExpression.class).orShould().beAnnotatedWith(Profile.class);
}
