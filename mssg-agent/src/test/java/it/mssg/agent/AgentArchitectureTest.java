package it.mssg.agent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import it.mssg.agent.application.HealthCounter;

import java.time.LocalDate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "it.mssg", importOptions = ImportOption.DoNotIncludeTests.class)
class AgentArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("it.mssg.agent.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.microsoft.playwright..",
                    "com.stripe..")
            .allowEmptyShould(true);

    /** Other modules are reached only through core's api and spi, never its services or storage. */
    @ArchTest
    static final ArchRule onlyCoreApiAndSpi = noClasses().that().resideInAPackage("it.mssg.agent..")
            .should().dependOnClassesThat().resideInAnyPackage("it.mssg.core.domain..", "it.mssg.core.application..",
                    "it.mssg.core.store..")
            .allowEmptyShould(true);

    /** Health counters can only ever count enums: no parameter could carry a message's text. */
    @ArchTest
    static final ArchRule healthCounterTakesOnlyEnums = methods().that().areDeclaredInClassesThat()
            .areAssignableTo(HealthCounter.class).and().arePublic()
            .should(takeOnlyEnumsDatesOrPrimitives());

    /** store/ writes its tables with plain JDBC: no JPA, Hibernate or Spring Data, whose start-up the app no longer pays. */
    @ArchTest
    static final ArchRule noJpa = noClasses().that().resideInAPackage("it.mssg.agent..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "org.springframework.data..");

    /** The api is what web and the outbox see: it must not expose the agent's internals. */
    @ArchTest
    static final ArchRule apiStandsAlone = noClasses().that().resideInAPackage("it.mssg.agent.api..")
            .should().dependOnClassesThat().resideInAnyPackage("it.mssg.agent.domain..", "it.mssg.agent.application..",
                    "it.mssg.agent.store..", "it.mssg.agent.matching..", "dev.langchain4j..");

    static ArchCondition<JavaMethod> takeOnlyEnumsDatesOrPrimitives() {
        return new ArchCondition<>("take only enum, LocalDate or primitive parameters") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass type : method.getRawParameterTypes()) {
                    boolean allowed = type.isEnum() || type.isPrimitive() || type.isEquivalentTo(LocalDate.class);
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes " + type.getName()));
                    }
                }
            }
        };
    }
}
