package se.placera;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import se.placera.shared.SwedishTime;
import se.placera.support.DocsOutput;

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
                        "com.lowagie..", "org.openpdf..", "freemarker..", "com.openhtmltopdf..",
                        "org.apache.pdfbox..", "org.verapdf..", "eu.europa.esig..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    /**
     * One definition of "today" (Europe/Stockholm) from the injected Clock: nothing asks the system itself. Only
     * {@code shared.ClockConfiguration} makes the system clock (the bean every class is given).
     */
    @Test
    void timeComesFromTheInjectedClock() {
        TIME_COMES_FROM_THE_INJECTED_CLOCK.check(CLASSES);
    }

    /** The rule goes red on a violation (a class of the test sources that asks the system for the time). */
    @Test
    void theClockRuleRefusesTheSystemClock() {
        JavaClasses offenders = new ClassFileImporter().importClasses(AsksTheSystem.class);
        for (String call : List.of("Instant.now()", "Clock.systemUTC()", "Clock.system(", "LocalDate.now(",
                "System.currentTimeMillis()")) {
            assertThatThrownBy(() -> TIME_COMES_FROM_THE_INJECTED_CLOCK.check(offenders))
                    .isInstanceOf(AssertionError.class).hasMessageContaining(call);
        }
    }

    /** Each way of asking the system for the time that the rule refuses. */
    @SuppressWarnings("unused")
    static final class AsksTheSystem {
        Object instant() {
            return Instant.now();
        }

        Object utc() {
            return Clock.systemUTC();
        }

        Object zoned() {
            return Clock.system(ZoneId.of("Europe/Stockholm"));
        }

        Object today(Clock clock) {
            return LocalDate.now(clock);
        }

        long millis() {
            return System.currentTimeMillis();
        }
    }

    static final ArchRule TIME_COMES_FROM_THE_INJECTED_CLOCK = noClasses().that().resideInAPackage("se.placera..")
            .and().doNotHaveFullyQualifiedName(SwedishTime.class.getName())
            .and().doNotHaveFullyQualifiedName("se.placera.shared.ClockConfiguration")
            .should().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDate.class, "now", Clock.class)
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "system", ZoneId.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(ZoneId.class, "systemDefault")
            .orShould().accessField(ZoneOffset.class, "UTC")
            .because("dates are Swedish local dates from the injected Clock (shared.SwedishTime), so tests can "
                    + "move time and \"today\" has one definition");

    @Test
    void writeDocumentation() {
        // under target/docs unless -Dplacera.docs.refresh=true (README: refreshing docs/)
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DocsOutput.folder("architecture").toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
