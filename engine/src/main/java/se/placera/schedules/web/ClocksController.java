package se.placera.schedules.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import se.placera.placements.CaseClocks;
import se.placera.placements.CaseClocks.ClockCase;
import se.placera.schedules.Clocks;

/** Statutory clocks of a case (timeline, recording a reconsideration), PA-10 extension and end, and the preview. */
@RestController
@Tag(name = "Tidsfrister")
class ClocksController {

    private final Clocks clocks;
    private final CaseClocks cases;

    ClocksController(Clocks clocks, CaseClocks cases) {
        this.clocks = clocks;
        this.cases = cases;
    }

    @GetMapping("/api/cases/{id}/clocks")
    @Operation(summary = "The case's deadlines: past ones with their tasks and the coming ones, by due date")
    Clocks.ClockTimeline timeline(@PathVariable String id) {
        return clocks.timeline(id);
    }

    /** {@code decision}: fortsatt-vard or upphor for a reconsideration; nothing for a manual task. */
    record ClockTaskCompletion(Long revision, String decision, String comment) {
    }

    @PostMapping("/api/cases/{id}/clocks/{taskId}/complete")
    @Operation(summary = "Record a clock task as done: a reconsideration with its decision, or a manual task")
    ClockCase complete(@PathVariable String id, @PathVariable String taskId, @RequestBody ClockTaskCompletion body) {
        return cases.complete(id, taskId, new CaseClocks.Completion(body.revision(), body.decision(), body.comment()));
    }

    record PlacementExtension(Long revision, LocalDate newEnd, String reason, Integer pricePerDay) {
    }

    @PostMapping("/api/cases/{id}/placement/extend")
    @Operation(summary = "PA-10: extend the placement to a new planned end, with a reason (and a new price per day)")
    ClockCase extend(@PathVariable String id, @RequestBody PlacementExtension body) {
        return cases.extend(id, new CaseClocks.Extension(body.revision(), body.newEnd(), body.reason(),
                body.pricePerDay()));
    }

    record PlacementEnding(Long revision, LocalDate endDate, String reason, String comment) {
    }

    @PostMapping("/api/cases/{id}/placement/end")
    @Operation(summary = "PA-10: end the placement (end date, reason from avslutsorsaker); opens the final evaluation and closes the other clocks")
    ClockCase end(@PathVariable String id, @RequestBody PlacementEnding body) {
        return cases.end(id, new CaseClocks.Ending(body.revision(), body.endDate(), body.reason(), body.comment()));
    }

    /** A hypothetical case: its start (and decision) date and facts; {@code content}: one schedule to preview. */
    record SchedulePreviewRequest(LocalDate startDate, LocalDate decisionDate, Map<String, Object> facts,
            JsonNode content, Integer count) {
    }

    @PostMapping("/api/schedules/preview")
    @Operation(summary = "The next deadlines of a hypothetical case under the schedules in force, or under one schedule")
    List<Clocks.ClockDeadline> preview(@RequestBody SchedulePreviewRequest body) {
        return clocks.preview(body.startDate(), body.decisionDate(), body.facts(), body.content(),
                body.count() == null ? 5 : body.count());
    }
}
