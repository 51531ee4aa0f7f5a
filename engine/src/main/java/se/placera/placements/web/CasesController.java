package se.placera.placements.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.placements.PlacementCases;
import se.placera.placements.PlacementCases.Action;
import se.placera.placements.PlacementCases.CaseSummary;
import se.placera.placements.PlacementCases.CaseView;
import se.placera.placements.PlacementCases.NewCase;
import se.placera.placements.PlacementCases.NewNote;
import se.placera.placements.PlacementCases.Note;
import se.placera.placements.PlacementCases.Transfer;

/** Placement cases (PA-3, PA-9, PA-12, PA-13). A personal identity number never travels in a URL. */
@RestController
@Tag(name = "Placeringsärenden")
class CasesController {

    private final PlacementCases cases;

    CasesController(PlacementCases cases) {
        this.cases = cases;
    }

    /** The client's identity number, for a search. */
    record IdentitySearch(String personalIdentityNumber) {
    }

    @PostMapping("/api/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a case for a client on the process in use; the caller becomes its responsible caseworker")
    CaseView create(@RequestBody NewCase request) {
        return cases.create(request);
    }

    @GetMapping("/api/cases")
    @Operation(summary = "The cases the current user is involved in (a placement officer: all of the administration's)")
    List<CaseSummary> mine() {
        return cases.mine();
    }

    @PostMapping("/api/cases/search")
    @Operation(summary = "A client's cases, found by the keyed hash of the identity number")
    List<CaseSummary> search(@RequestBody IdentitySearch search) {
        return cases.findByIdentity(search == null ? null : search.personalIdentityNumber());
    }

    @GetMapping("/api/cases/{id}")
    @Operation(summary = "One case with what the current user can do now")
    CaseView get(@PathVariable String id) {
        return cases.get(id);
    }

    @PostMapping("/api/cases/{id}/reveal")
    @Operation(summary = "The client's full identity number (audited)")
    Map<String, String> reveal(@PathVariable String id) {
        return Map.of("personalIdentityNumber", cases.revealIdentity(id));
    }

    @PostMapping("/api/cases/{id}/transfer")
    @Operation(summary = "Move the case to another caseworker with its open tasks (PA-9)")
    CaseView transfer(@PathVariable String id, @RequestBody Transfer transfer) {
        return cases.transfer(id, transfer);
    }

    @GetMapping("/api/cases/{id}/notes")
    @Operation(summary = "The case's note log, oldest first (PA-12)")
    List<Note> notes(@PathVariable String id) {
        return cases.notes(id);
    }

    @PostMapping("/api/cases/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a note; a correction points at the note it corrects, which stays as it was")
    Note addNote(@PathVariable String id, @RequestBody NewNote note) {
        return cases.addNote(id, note);
    }

    @PostMapping("/api/cases/{id}/{verb}")
    @Operation(summary = "Take a transition of the case's process: 409 with the allowed verbs when the state does "
            + "not allow it, 409 CASE_CHANGED for a stale revision")
    CaseView act(@PathVariable String id, @PathVariable String verb, @RequestBody(required = false) Action action) {
        return cases.act(id, verb, action);
    }
}
