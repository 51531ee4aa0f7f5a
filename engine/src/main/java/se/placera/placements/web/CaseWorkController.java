package se.placera.placements.web;

import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.placera.placements.CaseEvents;
import se.placera.placements.CaseEvents.CaseEvent;
import se.placera.placements.Worklists;
import se.placera.placements.Worklists.Decisions;
import se.placera.placements.Worklists.MyTask;

/** The current user's work across cases (US-5) and a case's event log (PA-11). */
@RestController
@Tag(name = "Placeringsärenden")
class CaseWorkController {

    private final Worklists worklists;
    private final CaseEvents events;

    CaseWorkController(Worklists worklists, CaseEvents events) {
        this.worklists = worklists;
        this.events = events;
    }

    @GetMapping("/api/cases/tasks")
    @Operation(summary = "Mina arbetsuppgifter: the open tasks of the current user's cases, by due date")
    List<MyTask> tasks() {
        return worklists.tasks();
    }

    @GetMapping("/api/cases/decisions")
    @Operation(summary = "Mina beslut: decisions of the current user's cases that wait for them, and those they made")
    Decisions decisions() {
        return worklists.decisions();
    }

    @GetMapping("/api/cases/{id}/events")
    @Operation(summary = "The case's event log from the audit log, oldest first; filter by kind (repeatable: case, "
            + "note, transfer, document, inquiry, access, other) and by words (q); the read is audited")
    List<CaseEvent> events(@PathVariable String id, @RequestParam(name = "kind", required = false) List<String> kind,
            @RequestParam(name = "q", required = false) String q) {
        return events.events(id, kind == null ? null : new LinkedHashSet<>(kind), q);
    }
}
