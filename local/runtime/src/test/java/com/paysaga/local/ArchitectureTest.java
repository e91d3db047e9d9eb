package com.paysaga.local;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.paysaga.testing.ProjectRoot;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The dependency arrows of docs/architecture.md, proven on the compiled production classes of
 * every module (test classes are not imported: tests may use the provisioner and the runtime).
 * This module's test classpath is built after every other module, so their classes exist here.
 */
class ArchitectureTest {

    private static final String[] MODULES = {
        "src-shared/formats", "src-shared/security", "src-shared/saga",
        "functions/common", "functions/validate", "functions/route", "functions/checkpoint",
        "functions/replay", "functions/load", "batch-container",
        "local/asl-engine", "local/provision", "local/runtime"};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (String module : MODULES) {
            Path dir = ProjectRoot.resolve(module + "/target/classes/com");
            assertThat(dir).as("compiled classes of %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.anyMatch(p -> p.toString().endsWith(".class")))
                        .as("%s has compiled classes", module).isTrue();
            }
            dirs.add(dir.getParent());
        }
        classes = new ClassFileImporter().importPaths(dirs);
    }

    @Test
    void formatsIsAPlainLibraryWithoutAwsQuarkusOrCdi() {
        noClasses().that().resideInAPackage("com.paysaga.formats..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "io.quarkus..", "io.smallrye..",
                        "jakarta.enterprise..", "jakarta.inject..", "picocli..")
                .because("the parsers are usable without the AWS SDK or a container (issue 14)")
                .check(classes);
    }

    @Test
    void formatsDependsOnNoOtherPaySagaModule() {
        noClasses().that().resideInAPackage("com.paysaga.formats..")
                .should().dependOnClassesThat(resideInAPackage("com.paysaga..")
                        .and(not(resideInAPackage("com.paysaga.formats.."))))
                .check(classes);
    }

    @Test
    void securityDependsOnlyOnFormats() {
        noClasses().that().resideInAPackage("com.paysaga.security..")
                .should().dependOnClassesThat(resideInAPackage("com.paysaga..")
                        .and(not(resideInAnyPackage("com.paysaga.security..", "com.paysaga.formats.."))))
                .check(classes);
    }

    @Test
    void sagaDependsOnlyOnFormatsAndSecurity() {
        noClasses().that().resideInAPackage("com.paysaga.saga..")
                .should().dependOnClassesThat(resideInAPackage("com.paysaga..")
                        .and(not(resideInAnyPackage("com.paysaga.saga..", "com.paysaga.security..",
                                "com.paysaga.formats.."))))
                .check(classes);
    }

    @Test
    void sharedCodeNeverImportsLambdaRuntimeOrCliTypes() {
        noClasses().that().resideInAnyPackage("com.paysaga.formats..", "com.paysaga.security..", "com.paysaga.saga..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.amazonaws.services.lambda..", "io.quarkus.amazon.lambda..", "picocli..")
                .because("DESIGN.md §8: src-shared never imports Lambda runtime types")
                .check(classes);
    }

    @Test
    void noProductionArtifactUsesTheProvisionerOrTheLocalRuntime() {
        noClasses().that().resideInAnyPackage("com.paysaga.formats..", "com.paysaga.security..",
                        "com.paysaga.saga..", "com.paysaga.functions..", "com.paysaga.batch..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.paysaga.provision..", "com.paysaga.local..", "com.paysaga.asl..")
                .because("only the local runtime and the tests provision template.yaml into an emulator")
                .check(classes);
    }

    @Test
    void aslEngineKnowsNoPaySagaTypeAndNoAwsSdk() {
        noClasses().that().resideInAPackage("com.paysaga.asl..")
                .should().dependOnClassesThat(resideInAPackage("com.paysaga..")
                        .and(not(resideInAPackage("com.paysaga.asl.."))))
                .orShould().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(classes);
    }

    @Test
    void handlersCallServicesNeverSdkClients() {
        noClasses().that().resideInAPackage("com.paysaga.functions..").and().haveSimpleNameEndingWith("Handler")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services..")
                .because("STYLE.md: a handler decodes the event, calls an injected service, encodes the result")
                .check(classes);
    }

    @Test
    void functionsAndTheBatchJobDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("com.paysaga.functions..")
                .should().dependOnClassesThat().resideInAPackage("com.paysaga.batch..")
                .check(classes);
        noClasses().that().resideInAPackage("com.paysaga.batch..")
                .should().dependOnClassesThat().resideInAPackage("com.paysaga.functions..")
                .check(classes);
    }
}
