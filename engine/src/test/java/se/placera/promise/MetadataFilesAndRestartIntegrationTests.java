package se.placera.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import se.placera.PlaceraApplication;
import se.placera.support.Api;
import se.placera.support.DemoUsers;

/**
 * The promise, the file way: a vendor drops metadata files into the metadata folder and restarts; the new
 * target group's method is there, data entered before the restart is kept, unchanged files make no new
 * version and a changed file makes one.
 */
class MetadataFilesAndRestartIntegrationTests {

    @TempDir
    Path data;

    @TempDir
    Path metadataFolder;

    ConfigurableApplicationContext boot() {
        return new SpringApplicationBuilder(PlaceraApplication.class, DemoUsers.class).run(
                "--server.port=0",
                "--placera.embedded-db.data-dir=" + data,
                "--placera.metadata.directories=classpath:metadata,file:" + metadataFolder,
                "--placera.metadata.fail-on-invalid=true");
    }

    static Api api(ConfigurableApplicationContext app) {
        return Api.at(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void droppedFilesBecomePublishedDefinitionsAndDataSurvivesRestarts() throws IOException {
        String keptResponse;
        try (var app = boot()) {
            Api caseworker = api(app).asCaseworker();
            api(app).asAdmin().get("/api/metadata/methods/vuxna-hemloshet-kartlaggning?status=published").expect(200);
            api(app).asAdmin().get("/api/metadata/methods/unga-skolfranvaro-kartlaggning").expect(404);
            keptResponse = caseworker.post("/api/responses", Map.of("methodId", "vuxna-hemloshet-kartlaggning",
                    "subject", Map.of("type", "client", "id", "K-1"))).expect(201).json().get("responseId").asString();
        }

        Files.createDirectories(metadataFolder.resolve("codelists"));
        Files.createDirectories(metadataFolder.resolve("methods"));
        Files.writeString(metadataFolder.resolve("codelists/franvaroorsaker.json"), """
                {
                  "kind": "codelist",
                  "id": "franvaroorsaker",
                  "title": "Orsaker till skolfrånvaro",
                  "items": [
                    {"value": "psykisk-ohalsa", "label": "Psykisk ohälsa", "attributes": {"stadier": ["f-6", "7-9", "gy"]}},
                    {"value": "mobbning", "label": "Mobbning", "attributes": {"stadier": ["f-6", "7-9"]}},
                    {"value": "arbete", "label": "Arbete vid sidan av skolan", "attributes": {"stadier": ["gy"]}}
                  ]
                }
                """);
        Files.writeString(metadataFolder.resolve("methods/unga-skolfranvaro-kartlaggning.json"), method("Unga – Skolfrånvaro, kartläggning"));

        try (var app = boot()) {
            Api admin = api(app).asAdmin();
            Api caseworker = api(app).asCaseworker();
            // Data from before the restart is still there.
            caseworker.get("/api/responses/" + keptResponse).expect(200);
            JsonNode method = admin.get("/api/metadata/methods/unga-skolfranvaro-kartlaggning").expect(200).json();
            assertThat(method.get("status").asString()).isEqualTo("published");
            assertThat(method.get("version").asInt()).isEqualTo(1);
            assertThat(method.get("source").asString()).isEqualTo("file:unga-skolfranvaro-kartlaggning.json");

            JsonNode state = caseworker.post("/api/responses", Map.of("methodId", "unga-skolfranvaro-kartlaggning",
                    "subject", Map.of("type", "client", "id", "K-2"))).expect(201).json();
            String id = state.get("responseId").asString();
            assertThat(state.toString()).contains("\"autoSource\":\"rule\"");
            state = caseworker.patch("/api/responses/" + id + "/answers",
                    caseworker.revised("/api/responses/" + id, "answers", Map.of("stadium", "gy")))
                    .expect(200).json();
            assertThat(state.toString()).contains("\"arbete\"").doesNotContain("\"mobbning\"");
            caseworker.post("/api/responses/" + id + "/submit", caseworker.revised("/api/responses/" + id, "answers",
                    Map.of("orsak", "arbete", "oro", 3))).expect(200);
            assertThat(caseworker.get("/api/responses/" + id).expect(200).json().at("/answers/kommun").asString())
                    .isEqualTo("Exempelkommun");
        }

        try (var app = boot()) {
            // Unchanged files: no new versions.
            assertThat(api(app).asAdmin().get("/api/metadata/methods/unga-skolfranvaro-kartlaggning/versions")
                    .expect(200).json().size()).isEqualTo(1);
            assertThat(api(app).asAdmin().get("/api/metadata/codelists/malgrupper/versions")
                    .expect(200).json().size()).isEqualTo(1);
        }

        Files.writeString(metadataFolder.resolve("methods/unga-skolfranvaro-kartlaggning.json"),
                method("Unga – Skolfrånvaro, kartläggning (reviderad)"));
        try (var app = boot()) {
            JsonNode versions = api(app).asAdmin().get("/api/metadata/methods/unga-skolfranvaro-kartlaggning/versions")
                    .expect(200).json();
            assertThat(versions.size()).isEqualTo(2);
            assertThat(versions.get(1).at("/content/title").asString()).endsWith("(reviderad)");
            assertThat(versions.get(1).get("status").asString()).isEqualTo("published");
        }
    }

    private static String method(String title) {
        return """
                {
                  "kind": "method",
                  "id": "unga-skolfranvaro-kartlaggning",
                  "title": "%s",
                  "purpose": "kartlaggning",
                  "subjectType": "client",
                  "areas": [
                    {
                      "id": "skola",
                      "title": "Skolan",
                      "questions": [
                        {"id": "kommun", "text": "Kommun", "kind": "background", "answerType": "text", "autoAnswer": "user.municipality"},
                        {"id": "stadium", "text": "Vilket stadium?", "kind": "background", "answerType": "single", "required": true,
                         "options": {"static": [{"value": "f-6", "label": "F–6"}, {"value": "7-9", "label": "7–9"}, {"value": "gy", "label": "Gymnasiet"}]}},
                        {"id": "orsak", "text": "Främsta orsaken till frånvaron", "kind": "background", "answerType": "single", "required": true,
                         "options": {"codelist": "franvaroorsaker"}, "optionFilter": "answers.stadium in item.attributes.stadier"},
                        {"id": "oro", "text": "Hur stor är oron?", "kind": "rating", "scale": "1-5", "required": true}
                      ]
                    }
                  ]
                }
                """.formatted(title);
    }

}
