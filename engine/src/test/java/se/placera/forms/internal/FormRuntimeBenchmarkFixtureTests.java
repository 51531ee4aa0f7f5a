package se.placera.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import se.placera.forms.rules.CompiledRule;
import se.placera.metadata.JsonSchemas;

/** Keeps the {@link FormRuntimeBenchmark} fixture honest: a valid method of the stated size and a valid answers document. */
class FormRuntimeBenchmarkFixtureTests {

    private final FormRuntimeFixture fixture = new FormRuntimeFixture();

    @Test
    void generatedMethodIsValidAgainstTheMetaSchema() throws Exception {
        Schema metaSchema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("metadata/schemas/method.schema.json")) {
            assertThat(in).as("meta-schema on the classpath").isNotNull();
            metaSchema = JsonSchemas.compile(in);
        }
        JsonNode content = fixture.mapper.readTree(fixture.generated.methodJson());
        assertThat(JsonSchemas.validate(metaSchema, content, "")).isEmpty();
    }

    @Test
    void generatedMethodCompilesWithoutProblems() {
        assertThat(fixture.compiled.problems()).isEmpty();
        assertThat(fixture.method.areas()).hasSize(GeneratedMethod.AREAS);
        assertThat(fixture.method.questions()).hasSize(GeneratedMethod.QUESTIONS);
    }

    /** The sizes of the scale curve (issue #18, item 6): each compiles, its answers pass, rules grow with it. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {50, 150, 500})
    void everySizeOfTheScaleCurveIsAValidMethodWithValidAnswers(int questions) throws Exception {
        FormRuntimeFixture sized = new FormRuntimeFixture(true, questions);
        assertThat(sized.compiled.problems()).isEmpty();
        assertThat(sized.method.questions()).hasSize(questions);
        Schema metaSchema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("metadata/schemas/method.schema.json")) {
            metaSchema = JsonSchemas.compile(in);
        }
        assertThat(JsonSchemas.validate(metaSchema, sized.mapper.readTree(sized.generated.methodJson()), "")).isEmpty();
        assertThat(sized.method.submissionSchema().validate(sized.answersNode)).isEmpty();
        assertThat(sized.evaluate().errors()).isEmpty();
        assertThat(sized.generated.rules()).isBetween(questions * GeneratedMethod.RULES / GeneratedMethod.QUESTIONS / 2,
                questions * GeneratedMethod.RULES / GeneratedMethod.QUESTIONS * 2);
    }

    @Test
    void generatedMethodHasFortyRules() {
        int rules = 0;
        int autoWhen = 0;
        for (CompiledMethod.Area area : fixture.method.areas()) {
            rules += count(area.visibleWhen());
        }
        for (CompiledMethod.Question q : fixture.method.questions().values()) {
            rules += count(q.visibleWhen()) + count(q.autoAnswer()) + count(q.optionFilter());
            autoWhen += q.autoAnswer() instanceof ConditionalRule ? 1 : 0;
        }
        assertThat(rules).isEqualTo(GeneratedMethod.RULES).isEqualTo(fixture.generated.rules());
        assertThat(autoWhen).as("autoAnswer in the {when, value} form").isPositive();
    }

    @Test
    void directRulesGiveTheSameFormStateAsTheCelInterpreter() {
        FormEngine.Evaluation direct = fixture.evaluate();
        FormEngine.Evaluation cel = new FormRuntimeFixture(false).evaluate();
        assertThat(direct.effective()).isEqualTo(cel.effective());
        assertThat(direct.autoAnswered()).isEqualTo(cel.autoAnswered());
        assertThat(direct.errors()).isEqualTo(cel.errors());
        assertThat(direct.notes()).isEqualTo(cel.notes());
        for (String id : fixture.method.questions().keySet()) {
            FormEngine.QuestionOutcome d = direct.outcomes().get(id);
            FormEngine.QuestionOutcome c = cel.outcomes().get(id);
            assertThat(d.visible()).as(id).isEqualTo(c.visible());
            assertThat(d.value()).as(id).isEqualTo(c.value());
            assertThat(d.options()).as(id).isEqualTo(c.options());
        }
    }

    @Test
    void answersValidateAgainstTheSubmissionSchema() {
        assertThat(fixture.method.submissionSchema().validate(fixture.answersNode)).isEmpty();
    }

    @Test
    void answersAreCompleteAndValidForTheEngine() {
        FormEngine.Evaluation e = fixture.evaluate();
        assertThat(e.errors()).isEmpty();
        assertThat(e.typeErrors()).isEmpty();
        assertThat(e.notes()).as("no hidden answers, no auto-answered question given another value").isEmpty();
        assertThat(e.autoAnswered().keySet()).containsExactlyInAnyOrderElementsOf(fixture.generated.autoAnswered);

        Set<String> hidden = new TreeSet<>();
        e.outcomes().forEach((id, o) -> {
            if (!o.visible()) {
                hidden.add(id);
            }
        });
        assertThat(hidden).isEqualTo(new TreeSet<>(fixture.generated.hidden));
        // Every visible question is answered (a rating may be answered "vet-ej", not applicable).
        for (String id : fixture.generated.questionIds()) {
            if (!hidden.contains(id)) {
                assertThat(fixture.answers).as("answer to " + id).containsKey(id);
            } else {
                assertThat(fixture.answers).doesNotContainKey(id);
            }
        }
        Map<String, Object> effective = e.effective();
        fixture.answers.forEach((id, v) -> {
            if (v != null) {
                assertThat(effective).containsKey(id);
            }
        });
        // The engine's direct JSON tree of the effective answers is the mapper's.
        assertThat(fixture.engine.toTree(effective)).isEqualTo(fixture.mapper.valueToTree(effective));
        // Option filters left the chosen alternatives in place.
        assertThat(e.outcomes().get("insatsform").options()).hasSizeLessThan(8).isNotEmpty();
        assertThat(e.outcomes().get("utforare").options()).hasSizeLessThan(10).isNotEmpty();
    }

    private static int count(CompiledRule rule) {
        return rule == null ? 0 : 1;
    }
}
