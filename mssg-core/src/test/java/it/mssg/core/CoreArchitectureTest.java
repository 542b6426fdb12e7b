package it.mssg.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "it.mssg.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..", "..store..", "..application..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule apiAndSpiDoNotSeeImplementation = noClasses().that().resideInAnyPackage("..api..", "..spi..")
            .should().dependOnClassesThat().resideInAnyPackage("..store..", "..application..", "jakarta.persistence..");

    /** Only the services reach storage; JPA entities never leave store/. */
    @ArchTest
    static final ArchRule onlyServicesSeeStore = noClasses().that().resideOutsideOfPackages("..store..", "..application..")
            .should().dependOnClassesThat().resideInAPackage("..store..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule entitiesArePackagePrivate = classes().that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().notBePublic().andShould().resideInAPackage("..store..")
            .allowEmptyShould(true);
}
