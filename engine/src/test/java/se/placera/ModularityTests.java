package se.placera;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module structure (no cycles, no access to internals) and writes the module diagrams. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PlaceraApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("se.placera");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void schemaValidationStaysInMetadataAndForms() {
        noClasses().that().resideOutsideOfPackages("se.placera.metadata..", "se.placera.forms..")
                .should().dependOnClassesThat().resideInAPackage("com.networknt..")
                .check(CLASSES);
    }

    @Test
    void celStaysInTheRuleLanguage() {
        noClasses().that().resideOutsideOfPackage("se.placera.forms.rules..")
                .should().dependOnClassesThat().resideInAPackage("dev.cel..")
                .check(CLASSES);
    }

    @Test
    void documentLibrariesStayInDocuments() {
        noClasses().that().resideOutsideOfPackage("se.placera.documents..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.docx4j..",
                        "com.lowagie..", "org.openpdf..", "freemarker..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void writeDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/architecture"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
