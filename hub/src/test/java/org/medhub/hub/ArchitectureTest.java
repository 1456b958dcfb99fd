package org.medhub.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.medhub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule canonicalModelIsPlainJava = noClasses().that().resideInAPackage("org.medhub.canonical..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..",
                    "org.apache.kafka..", "org.medhub.connectors..", "org.medhub.routes..", "org.medhub.hub..")
            .because("the data dictionary is the centre everything else depends on, and must run anywhere");

    @ArchTest
    static final ArchRule connectorsKnowProtocolsNotMappings = noClasses().that().resideInAPackage("org.medhub.connectors..")
            .should().dependOnClassesThat().resideInAnyPackage("org.medhub.routes..", "org.medhub.hub..",
                    "org.springframework..")
            .because("a connector speaks a protocol; mapping and wiring sit above it");

    @ArchTest
    static final ArchRule routesDoNotReachIntoTheApplication = noClasses().that().resideInAPackage("org.medhub.routes..")
            .should().dependOnClassesThat().resideInAnyPackage("org.medhub.hub..", "org.springframework..")
            .because("routes are Camel and plain Java, wired by the hub, testable without Spring");
}
