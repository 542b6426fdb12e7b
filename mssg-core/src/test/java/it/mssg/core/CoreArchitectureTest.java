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
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "..store..", "..application..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule apiAndSpiDoNotSeeImplementation = noClasses().that().resideInAnyPackage("..api..", "..spi..")
            .should().dependOnClassesThat().resideInAnyPackage("..store..", "..application..");

    /** Only the services reach storage. */
    @ArchTest
    static final ArchRule onlyServicesSeeStore = noClasses().that().resideOutsideOfPackages("..store..", "..application..")
            .should().dependOnClassesThat().resideInAPackage("..store..")
            .allowEmptyShould(true);

    /**
     * Core stores with plain JDBC: no JPA, Hibernate or Spring Data, whose start-up (the EntityManagerFactory, schema
     * validation, repository proxies) was about 28 % of the app start's main thread in a JFR profile.
     */
    @ArchTest
    static final ArchRule noJpa = noClasses().that().resideInAPackage("it.mssg.core..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "org.springframework.data..");

    /** Services are reached through their api interfaces; only settings records are public. */
    @ArchTest
    static final ArchRule servicesArePackagePrivate = classes().that().resideInAPackage("..application..")
            .and().areNotAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
            .should().notBePublic()
            .allowEmptyShould(true);

    /** The domain's rules stay free of file formats other than its CSV reader and writer. */
    @ArchTest
    static final ArchRule csvOnlyInCsvPackage = noClasses().that().resideOutsideOfPackage("..domain.csv..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
            .allowEmptyShould(true);
}
