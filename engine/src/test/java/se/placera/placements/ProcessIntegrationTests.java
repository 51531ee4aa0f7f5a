package se.placera.placements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.placera.support.Api;
import se.placera.support.AppIntegrationTest;

/** PA-13: a process is metadata; a municipality changes it by publishing, and bad processes are refused. */
@AppIntegrationTest
class ProcessIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    Api admin() {
        return Api.at(port).asAdmin();
    }

    @Test
    void theStandardPlacementProcessIsPublishedAtStartUp() {
        ProcessDefinition p = processes.inUse("placering").orElseThrow();
        assertThat(p.initialState()).isEqualTo("utkast");
        assertThat(p.states()).extracting(ProcessDefinition.State::id)
                .containsExactly("utkast", "forfragan-skickad", "placerad", "pagaende", "avslutad", "avbruten");
        assertThat(p.state("avslutad").orElseThrow().endReasonCodelist()).isEqualTo("avslutsorsaker");
        assertThat(p.transitionsFrom("utkast")).extracting(ProcessDefinition.Transition::verb)
                .containsExactly("skicka-forfragan", "avbryt");
        assertThat(p.transition("besluta").orElseThrow().allowed())
                .containsExactly(ProcessDefinition.Relation.RESPONSIBLE);
        assertThat(admin().get("/api/metadata/processes/placering?status=published").expect(200).json()
                .at("/content/title").asString()).isEqualTo("Placering");
    }

    @Test
    void aMunicipalityAddsAStateByPublishingANewVersionAndOlderCasesKeepTheirs() {
        Map<String, Object> v1 = process("nämndprocess-test".replace("ä", "a"), List.of(
                state("utkast", false), state("placerad", false), state("avslutad", true)), List.of(
                transition("placera", List.of("utkast"), "placerad"),
                transition("avsluta", List.of("placerad"), "avslutad")));
        String id = (String) v1.get("id");
        publish(v1, 1);

        // Version 2 puts the board's decision between draft and placed.
        Map<String, Object> v2 = process(id, List.of(state("utkast", false), state("beslut-hos-namnd", false),
                state("placerad", false), state("avslutad", true)), List.of(
                transition("till-namnd", List.of("utkast"), "beslut-hos-namnd"),
                transition("placera", List.of("beslut-hos-namnd"), "placerad"),
                transition("avsluta", List.of("placerad"), "avslutad")));
        publish(v2, 2);

        assertThat(processes.inUse(id).orElseThrow().version()).isEqualTo(2);
        assertThat(processes.inUse(id).orElseThrow().transitionsFrom("utkast"))
                .extracting(ProcessDefinition.Transition::to).containsExactly("beslut-hos-namnd");
        // A case that started on version 1 still finds its own process.
        assertThat(processes.version(id, 1).transitionsFrom("utkast"))
                .extracting(ProcessDefinition.Transition::to).containsExactly("placerad");
    }

    @Test
    void badProcessesAreRefusedOnPublishWithPointers() {
        Map<String, Object> guarded = new LinkedHashMap<>(transition("placera", List.of("utkast"), "placerad"));
        guarded.put("guard", "subject.malgrupp ==");
        Map<String, Object> notBool = new LinkedHashMap<>(transition("klar", List.of("placerad"), "avslutad"));
        notBool.put("guard", "size(subject)");
        notBool.put("requiresMethod", "finns-inte");
        Map<String, Object> readsAnswers = new LinkedHashMap<>(transition("vidare", List.of("placerad"), "avslutad"));
        readsAnswers.put("guard", "answers.x == 'ja'");
        Map<String, Object> bad = process("trasig-process", List.of(state("utkast", false), state("placerad", false),
                state("glomd", false), state("fast", false), state("avslutad", true)), List.of(
                guarded, notBool, readsAnswers,
                transition("okand", List.of("utkast", "finns-ej"), "ingenstans"),
                transition("fastna", List.of("placerad"), "fast"),
                transition("notes", List.of("avslutad"), "utkast")));

        JsonNode report = admin().post("/api/metadata/processes/validate", bad).expect(200).json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        Map<String, List<String>> codes = codesByPointer(report.get("errors"));
        assertThat(codes).containsEntry("/transitions/0/guard", List.of("rule.syntax"))
                .containsEntry("/transitions/1/guard", List.of("rule.result.type"))
                .containsEntry("/transitions/1/requiresMethod", List.of("process.unknown-method"))
                .containsEntry("/transitions/2/guard", List.of("process.guard-reads-answers"))
                .containsEntry("/transitions/3/from/1", List.of("process.unknown-state"))
                .containsEntry("/transitions/3/to", List.of("process.unknown-state"))
                .containsEntry("/states/2", List.of("process.unreachable-state"))
                .containsEntry("/states/3", List.of("process.dead-end-state"));
        assertThat(codes.get("/transitions/5/verb")).containsExactly("process.reserved-verb");
        assertThat(codes.get("/transitions/5/from/0")).containsExactly("process.leaves-final-state");

        // A draft may be unfinished, but it cannot be published, and nothing of it is in use.
        admin().post("/api/metadata/processes", bad).expect(200);
        JsonNode refused = admin().post("/api/metadata/processes/trasig-process/versions/1/publish", null)
                .expect(400).json();
        assertThat(codesByPointer(refused.get("errors"))).containsKey("/states/2");
        assertThat(processes.inUse("trasig-process")).isEmpty();
    }

    @Test
    void aProcessWithoutAFinalStateOrWithAnUnknownStartIsRefused() {
        Map<String, Object> bad = process("utan-slut", List.of(state("a", false), state("b", false)),
                List.of(transition("fram", List.of("a"), "b"), transition("tillbaka", List.of("b"), "a")));
        bad.put("initialState", "c");
        Map<String, List<String>> codes = codesByPointer(
                admin().post("/api/metadata/processes/validate", bad).expect(200).json().get("errors"));
        assertThat(codes).containsEntry("/states", List.of("process.no-final-state"))
                .containsEntry("/initialState", List.of("process.unknown-state"));
    }

    private void publish(Map<String, Object> process, int version) {
        admin().post("/api/metadata/processes", process).expect(200);
        admin().post("/api/metadata/processes/" + process.get("id") + "/versions/" + version + "/publish", null)
                .expect(200);
    }

    private static Map<String, Object> process(String id, List<Map<String, Object>> states,
            List<Map<String, Object>> transitions) {
        Map<String, Object> p = new HashMap<>();
        p.put("kind", "process");
        p.put("id", id);
        p.put("title", "Testprocess " + id);
        p.put("initialState", "utkast");
        p.put("states", states);
        p.put("transitions", transitions);
        return p;
    }

    private static Map<String, Object> state(String id, boolean isFinal) {
        return Map.of("id", id, "title", "Tillstånd " + id, "final", isFinal);
    }

    private static Map<String, Object> transition(String verb, List<String> from, String to) {
        return Map.of("verb", verb, "title", "Gör " + verb, "from", from, "to", to, "allowed", List.of("responsible"));
    }

    private static Map<String, List<String>> codesByPointer(JsonNode errors) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        errors.forEach(e -> codes.computeIfAbsent(e.get("pointer").asString(), k -> new ArrayList<>())
                .add(e.get("code").asString()));
        return codes;
    }
}
