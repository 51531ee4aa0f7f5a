package se.placera.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.placera.forms.rules.RuleCompiler;
import se.placera.shared.Problem;

/** The semantics of one evaluation, without Spring: visibility, automatic answers, validation. */
class FormEngineTests {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final MethodCompiler COMPILER = new MethodCompiler(new RuleCompiler(), MAPPER);
    static final FormEngine ENGINE = new FormEngine(new OptionResolver(null, MAPPER, List.of()), MAPPER);
    static final MethodCompiler.References ALL = new MethodCompiler.References() {
        @Override
        public boolean codelistExists(String id) {
            return true;
        }

        @Override
        public boolean optionSourceExists(String id) {
            return true;
        }
    };

    static CompiledMethod compile(String json) {
        MethodCompiler.Result r = COMPILER.compile(MAPPER.readTree(json), 1, ALL);
        assertThat(r.problems()).isEmpty();
        return r.method();
    }

    static final String METHOD = """
            {"kind": "method", "id": "t", "title": "T", "purpose": "survey", "areas": [
              {"id": "a", "title": "A", "questions": [
                {"id": "barn", "text": "Barn?", "kind": "background", "answerType": "single",
                 "options": {"static": [{"value": "ja", "label": "Ja"}, {"value": "nej", "label": "Nej"}]}},
                {"id": "antal", "text": "Antal", "kind": "background", "answerType": "number", "required": true,
                 "visibleWhen": "answers.barn == 'ja'"},
                {"id": "betyg", "text": "Betyg", "kind": "rating", "scale": "1-5",
                 "autoAnswer": {"when": "answers.barn == 'nej'", "value": "answers.antal == null ? 9 : 1"}}
              ]},
              {"id": "barnen", "title": "Barnen", "visibleWhen": "answers.barn == 'ja'", "questions": [
                {"id": "skola", "text": "Skola", "kind": "background", "answerType": "text", "required": true}
              ]}
            ]}
            """;

    @Test
    void hiddenQuestionsAndSectionsDoNotCountAndTheirAnswersAreNoted() {
        CompiledMethod m = compile(METHOD);
        var e = ENGINE.evaluate(m, Map.of("barn", "ja", "antal", 2), Map.of(), Map.of(), Map.of());
        assertThat(e.outcomes().get("skola").visible()).isTrue();
        assertThat(codes(e.errors())).containsExactly("answer.required");

        Map<String, Object> answers = new HashMap<>(Map.of("barn", "nej", "antal", 2, "skola", "Ekskolan"));
        e = ENGINE.evaluate(m, answers, Map.of(), Map.of(), Map.of());
        assertThat(e.outcomes().get("antal").visible()).isFalse();
        assertThat(e.outcomes().get("skola").visible()).isFalse();
        assertThat(e.effective()).doesNotContainKeys("antal", "skola");
        assertThat(codes(e.notes())).containsOnly("answer.hidden-question");
    }

    @Test
    void anAutomaticValueIsValidatedLikeAnyOther() {
        CompiledMethod m = compile(METHOD);
        // barn = nej: antal is hidden (null), so the rule answers 9, which the 1-5 scale does not allow.
        var e = ENGINE.evaluate(m, Map.of("barn", "nej"), Map.of(), Map.of(), Map.of());
        assertThat(e.autoAnswered()).containsEntry("betyg", "rule");
        assertThat(e.effective()).containsEntry("betyg", 9L);
        assertThat(e.errors()).extracting(Problem::pointer).containsExactly("/answers/betyg");
        assertThat(e.errors()).extracting(Problem::code).containsExactly("schema.maximum");
    }

    @Test
    void aPresetWinsOverTheMethodsRuleAndOverWhatWasTyped() {
        CompiledMethod m = compile(METHOD);
        var e = ENGINE.evaluate(m, Map.of("barn", "nej", "betyg", 2), Map.of("betyg", 3), Map.of(), Map.of());
        assertThat(e.effective()).containsEntry("betyg", 3);
        assertThat(e.autoAnswered()).containsEntry("betyg", "preset");
        assertThat(codes(e.notes())).contains("answer.auto-answered");
        assertThat(e.errors()).isEmpty();
    }

    @Test
    void rulesSeeTheUserAndTheSubject() {
        CompiledMethod m = compile("""
                {"kind": "method", "id": "u", "title": "U", "purpose": "survey", "areas": [
                  {"id": "a", "title": "A", "questions": [
                    {"id": "kommun", "text": "Kommun", "kind": "background", "answerType": "text",
                     "autoAnswer": "user.municipality"},
                    {"id": "lvu", "text": "LVU?", "kind": "background", "answerType": "text",
                     "visibleWhen": "has(subject.legalBasis) && subject.legalBasis.startsWith('lvu')"}
                  ]}]}
                """);
        var e = ENGINE.evaluate(m, Map.of(), Map.of(), Map.of("municipality", "Exempelkommun"),
                Map.of("type", "placement", "legalBasis", "lvu-2"));
        assertThat(e.effective()).containsEntry("kommun", "Exempelkommun");
        assertThat(e.outcomes().get("lvu").visible()).isTrue();
        e = ENGINE.evaluate(m, Map.of(), Map.of(), Map.of("municipality", "Exempelkommun"), Map.of("type", "placement"));
        assertThat(e.outcomes().get("lvu").visible()).isFalse();
    }

    @Test
    void publishChecksReportPointersIntoTheMethod() {
        JsonNode bad = MAPPER.readTree("""
                {"kind": "method", "id": "x", "title": "X", "purpose": "survey", "areas": [
                  {"id": "a", "title": "A", "questions": [
                    {"id": "q", "text": "Q", "kind": "background", "answerType": "single",
                     "options": {"static": [{"value": "v", "label": "V"}, {"value": "v", "label": "W"}]}},
                    {"id": "q", "text": "Q2", "kind": "rating", "scale": "1-5", "scaleLabels": {"7": "Sju"}}
                  ]},
                  {"id": "b", "title": "B", "visibleWhen": "answers.saknas == 1",
                   "questions": [{"id": "r", "text": "R", "kind": "background", "answerType": "text"}]}
                ]}
                """);
        var problems = COMPILER.compile(bad, 1, ALL).problems();
        assertThat(problems).extracting(Problem::pointer).contains("/areas/0/questions/1/id",
                "/areas/0/questions/0/options/static/1/value", "/areas/0/questions/1/scaleLabels/7",
                "/areas/1/visibleWhen");
    }

    @Test
    void helpTextIsRenderedWithoutScriptsOrUnsafeLinks() {
        String html = HelpText.toHtml("**Viktigt** <script>alert(1)</script> [klicka](javascript:alert(1)) "
                + "<img src=x onerror=alert(1)> [Socialstyrelsen](https://www.socialstyrelsen.se)");
        assertThat(html).contains("<strong>Viktigt</strong>").doesNotContain("<script").doesNotContain("<img")
                .doesNotContain("javascript:").contains("href=\"https://www.socialstyrelsen.se\"");
    }

    static final String RATINGS = """
            {"kind": "method", "id": "r", "title": "R", "purpose": "survey", "areas": [
              {"id": "a", "title": "A", "questions": [
                {"id": "betyg", "text": "Betyg", "kind": "rating", "scale": "1-5", "required": true,
                 "allowNotApplicable": true},
                {"id": "procent", "text": "Procent", "kind": "rating", "scale": "percent", "allowNotApplicable": true},
                {"id": "strikt", "text": "Strikt", "kind": "rating", "scale": "1-5"}
              ]}]}
            """;

    @Test
    void vetEjIsItsOwnAnswerOfARatingThatAllowsIt() {
        CompiledMethod m = compile(RATINGS);
        // Unanswered: the required rating blocks a submit.
        var e = ENGINE.evaluate(m, Map.of(), Map.of(), Map.of(), Map.of());
        assertThat(e.errors()).extracting(Problem::code).containsExactly("answer.required");
        assertThat(e.errors()).extracting(Problem::pointer).containsExactly("/answers/betyg");

        // "Vet ej" satisfies required and is kept as the answer, told apart from "no answer".
        e = ENGINE.evaluate(m, Map.of("betyg", "vet-ej", "procent", "vet-ej"), Map.of(), Map.of(), Map.of());
        assertThat(e.errors()).isEmpty();
        assertThat(e.effective()).containsEntry("betyg", "vet-ej").containsEntry("procent", "vet-ej");

        // Any other text is not a rating, and a rating without allowNotApplicable refuses "vet-ej".
        e = ENGINE.evaluate(m, Map.of("betyg", "kanske"), Map.of(), Map.of(), Map.of());
        assertThat(e.errors()).extracting(Problem::pointer).containsExactly("/answers/betyg");
        assertThat(e.errors()).extracting(Problem::code).containsExactly("schema.pattern");
        e = ENGINE.evaluate(m, Map.of("betyg", 3, "strikt", "vet-ej"), Map.of(), Map.of(), Map.of());
        assertThat(e.errors()).extracting(Problem::pointer).containsExactly("/answers/strikt");
        assertThat(e.errors()).extracting(Problem::code).containsExactly("schema.type");
        assertThat(e.typeErrors()).hasSize(1);

        // Numbers keep their range.
        e = ENGINE.evaluate(m, Map.of("betyg", 6), Map.of(), Map.of(), Map.of());
        assertThat(e.errors()).extracting(Problem::code).containsExactly("schema.maximum");
    }

    @Test
    void vetEjIsLeftOutOfTheRatingsListenersAverage() {
        CompiledMethod m = compile(RATINGS);
        assertThat(ResponseOutbox.ratingsOf(m, Map.of("betyg", "vet-ej", "procent", 50, "strikt", 4)))
                .containsExactly(Map.entry("procent", 3.0), Map.entry("strikt", 4.0));
        assertThat(ResponseOutbox.ratingsOf(m, Map.of("betyg", "vet-ej", "procent", "vet-ej"))).isEmpty();
    }

    static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }

    @Test
    void theAnswersTreeIsWhatTheMapperWouldBuild() {
        Map<String, Object> answers = new java.util.LinkedHashMap<>();
        answers.put("text", "x");
        answers.put("blank", "");
        answers.put("int", 3);
        answers.put("long", 3L);
        answers.put("double", 2.5);
        answers.put("bool", true);
        answers.put("list", java.util.Arrays.asList("a", 1, 2L, 0.5, false, null, List.of()));
        answers.put("empty", List.of());
        answers.put("date", java.time.LocalDate.of(2026, 11, 25));
        assertThat(ENGINE.toTree(answers)).isEqualTo(MAPPER.valueToTree(answers));
    }
}
