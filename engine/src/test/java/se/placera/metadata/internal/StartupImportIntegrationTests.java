package se.placera.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import se.placera.metadata.Bundle;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.ImportReport;
import se.placera.support.AppIntegrationTest;

/**
 * Issue #18, item 5: the import of an unchanged library at start-up is a hash check, not a re-validation; a
 * bundle with a new or changed definition is still validated whole.
 */
@AppIntegrationTest
class StartupImportIntegrationTests {

    @Autowired
    StartupImport startupImport;

    @Autowired
    MetadataService metadata;

    @Autowired
    JsonMapper mapper;

    @Test
    void theImportOfAnUnchangedLibraryValidatesNothing() throws Exception {
        long before = metadata.validatedEntries();
        int methods = metadata.list("method").size();

        startupImport.run(null); // a restart on the same data folder

        assertThat(metadata.validatedEntries()).as("entries validated by the repeated import").isEqualTo(before);
        assertThat(metadata.list("method")).hasSize(methods);
    }

    @Test
    void aChangedDefinitionIsValidatedAndItsUnchangedRepeatIsNot() {
        Bundle first = codelist("startup-import-lista", "A");
        long before = metadata.validatedEntries();
        ImportReport created = metadata.importBundle(first, false);
        assertThat(created.applied()).isTrue();
        assertThat(created.items()).extracting(ImportReport.Item::action).containsExactly("created");
        assertThat(metadata.validatedEntries()).isEqualTo(before + 1);

        ImportReport again = metadata.importBundle(first, false);
        assertThat(again.applied()).isTrue();
        assertThat(again.items()).extracting(ImportReport.Item::action).containsExactly("unchanged");
        assertThat(metadata.validatedEntries()).isEqualTo(before + 1);

        ImportReport changed = metadata.importBundle(codelist("startup-import-lista", "B"), false);
        assertThat(changed.items()).extracting(ImportReport.Item::action).containsExactly("created");
        assertThat(changed.items().getFirst().version()).isEqualTo(2);
        assertThat(metadata.validatedEntries()).isEqualTo(before + 2);

        // An invalid entry is still refused beside an unchanged one: the hash check never skips a change.
        Bundle broken = new Bundle(Bundle.FORMAT, null, List.of(
                codelist("startup-import-lista", "B").definitions().getFirst(),
                new Bundle.Entry("codelist", "startup-import-trasig", null, DefinitionStatus.PUBLISHED,
                        mapper.readTree("{\"kind\":\"codelist\",\"id\":\"startup-import-trasig\",\"title\":\"T\","
                                + "\"items\":[]}"), null)));
        ImportReport refused = metadata.importBundle(broken, false);
        assertThat(refused.applied()).isFalse();
        assertThat(refused.errors()).isNotEmpty();
    }

    private Bundle codelist(String id, String label) {
        var content = mapper.readTree("{\"kind\":\"codelist\",\"id\":\"" + id + "\",\"title\":\"Lista\","
                + "\"items\":[{\"value\":\"a\",\"label\":\"" + label + "\"}]}");
        return new Bundle(Bundle.FORMAT, null,
                List.of(new Bundle.Entry("codelist", id, null, DefinitionStatus.PUBLISHED, content, null)));
    }
}
