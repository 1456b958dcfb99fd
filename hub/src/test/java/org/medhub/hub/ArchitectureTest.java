package org.medhub.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

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

    /** A package's {@code internal} is its implementation: one slice with it, as in resilience4j. */
    private static final SliceAssignment PACKAGES_WITH_THEIR_INTERNALS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            return name.startsWith("org.medhub.") ? SliceIdentifier.of(owner(name)) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "medhub's packages, each with its internal";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES_WITH_THEIR_INTERNALS).should().beFreeOfCycles()
            .because("a package that imports one that imports it back cannot be understood, tested or moved alone");

    @ArchTest
    static final ArchRule internalsStayInside = noClasses().should(new ArchCondition<>("use another package's internal") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getPackageName();
                if (target.startsWith("org.medhub.") && target.contains(".internal")
                        && !owner(origin.getPackageName()).equals(owner(target))) {
                    events.add(SimpleConditionEvent.satisfied(origin, dependency.getDescription()));
                }
            }
        }
    }).because("what is internal to a package may change without notice; its public types are the way in");

    /** The package an internal package belongs to, or the package itself. */
    private static String owner(String packageName) {
        int internal = packageName.indexOf(".internal");
        return internal < 0 ? packageName : packageName.substring(0, internal);
    }
}
