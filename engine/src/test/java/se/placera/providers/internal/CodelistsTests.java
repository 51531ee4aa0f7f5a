package se.placera.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.json.JsonMapper;

import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.Metadata;
import se.placera.shared.CacheGenerations;
import se.placera.shared.Problem;

/** Codelist checks fail closed: a missing or unreadable codelist refuses every value with a clear code. */
class CodelistsTests {

    @SuppressWarnings("unchecked")
    static Codelists codelists(Metadata metadata) {
        ObjectProvider<Metadata> provider = mock(ObjectProvider.class);
        when(provider.getObject()).thenReturn(metadata);
        CacheGenerations generations = mock(CacheGenerations.class);
        when(generations.watch("metadata_definitions")).thenReturn(mock(CacheGenerations.Watch.class));
        return new Codelists(provider, generations);
    }

    @Test
    void aMissingCodelistRefusesEveryValueAndNamesTheCodelist() {
        Metadata metadata = mock(Metadata.class);
        when(metadata.latestPublished("codelist", "behov")).thenReturn(Optional.empty());
        Codelists codelists = codelists(metadata);

        assertThat(codelists.contains("behov", "npf")).isFalse();
        List<Problem> problems = new ArrayList<>();
        codelists.check(problems, "/needs/0", "npf", "behov");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("codelist-unavailable");
            assertThat(p.pointer()).isEqualTo("/needs/0");
            assertThat(p.detail()).contains("'behov'");
        });
    }

    @Test
    void anUnreadableCodelistRefusesEveryValue() {
        Metadata metadata = mock(Metadata.class);
        when(metadata.latestPublished("codelist", "kon")).thenThrow(new IllegalStateException("database down"));
        Codelists codelists = codelists(metadata);

        List<Problem> problems = new ArrayList<>();
        codelists.check(problems, "/genders/0", "flicka", "kon");
        assertThat(problems).extracting(Problem::code).containsExactly("codelist-unavailable");
    }

    @Test
    void registerValidationRefusesCodedValuesWhenTheirCodelistIsMissing() {
        Metadata metadata = mock(Metadata.class);
        when(metadata.latestPublished("codelist", "behov")).thenReturn(Optional.empty());
        List<Problem> problems = new ArrayList<>();
        new RegisterValidation(codelists(metadata)).codes(problems, "/needs", List.of("npf", "trauma"), "behov");
        assertThat(problems).extracting(Problem::code).containsExactly("codelist-unavailable", "codelist-unavailable");
    }

    @Test
    void aPublishedCodelistStillAcceptsItsValuesAndRefusesOthers() {
        Metadata metadata = mock(Metadata.class);
        var content = JsonMapper.builder().build().readTree("""
                {"items": [{"value": "npf", "label": "NPF"}]}""");
        when(metadata.latestPublished("codelist", "behov")).thenReturn(Optional.of(new Definition("codelist", "behov", 1,
                DefinitionStatus.PUBLISHED, content, "h", null, null, null, null, null, null, null, null)));
        Codelists codelists = codelists(metadata);
        List<Problem> problems = new ArrayList<>();
        codelists.check(problems, "/needs/0", "npf", "behov");
        codelists.check(problems, "/needs/1", "rymd", "behov");
        assertThat(problems).extracting(Problem::code).containsExactly("not-in-codelist");
    }
}
