package se.placera.schedules.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.placera.schedules.LifecareInterventions;

/** The Lifecare import (IN-1) and the follow-up coverage report over the imported interventions. */
@RestController
@Tag(name = "Lifecare")
class LifecareController {

    private final LifecareInterventions lifecare;

    LifecareController(LifecareInterventions lifecare) {
        this.lifecare = lifecare;
    }

    @PostMapping(path = "/api/integrations/lifecare/import", consumes = {"text/csv", "application/json"})
    @Operation(summary = "Import decided interventions from Lifecare (CSV or JSON, docs/integrations/lifecare.md)")
    LifecareInterventions.LifecareImportReport importFile(
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestParam(name = "mode", defaultValue = "all-or-nothing") String mode,
            @RequestBody byte[] content) {
        return lifecare.importFile(contentType, content, mode);
    }

    @GetMapping("/api/integrations/lifecare/coverage")
    @Operation(summary = "Every imported intervention's evaluations due by today and whether a done case task covers each, per caseworker")
    LifecareInterventions.LifecareCoverage coverage() {
        return lifecare.coverage();
    }
}
