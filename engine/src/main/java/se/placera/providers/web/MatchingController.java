package se.placera.providers.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.placera.providers.Matching;
import se.placera.providers.RegisterProblemCodes;
import se.placera.providers.internal.RegisterWorkbook;
import se.placera.shared.InputLimits;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishTime;

/** HTTP API of matching (PA-1, PA-2): search, export of the results, and side-by-side comparison. */
@RestController
@Tag(name = "Matchning", description = "Search the register for a client's needs: hard filters, then ranked "
        + "results with reasons")
class MatchingController {

    private final Matching matching;
    private final RegisterWorkbook workbook;
    private final Permissions permissions;

    private final Clock clock;

    MatchingController(Matching matching, RegisterWorkbook workbook, Permissions permissions, Clock clock) {
        this.clock = clock;
        this.matching = matching;
        this.workbook = workbook;
        this.permissions = permissions;
    }

    /** Up to four units to compare, with the criteria that give their scores and reasons. */
    record CompareRequest(@Valid Matching.Criteria criteria,
            @Size(max = InputLimits.LIST) List<@Size(max = InputLimits.ID) String> unitIds) {
    }

    @PostMapping("/api/matching/search")
    @Operation(summary = "Ranked units for the criteria, with the PA-2 columns and the reasons of each score; "
            + "'excluded' counts the units each hard filter dropped")
    Matching.Result search(@Valid @RequestBody Matching.Criteria criteria) {
        permissions.read();
        return matching.match(criteria);
    }

    @PostMapping("/api/matching/export.xlsx")
    @Operation(summary = "The search results as Excel")
    ResponseEntity<byte[]> export(@Valid @RequestBody Matching.Criteria criteria) {
        permissions.read();
        return RegisterController.xlsx(workbook.exportResults(criteria, matching.match(criteria)),
                "matchning-" + SwedishTime.today(clock) + ".xlsx");
    }

    @PostMapping("/api/matching/compare")
    @Operation(summary = "Compare up to four units side by side: their result rows for the criteria, in the order "
            + "asked; a unit the hard filters drop is reported in 'excluded' by id")
    CompareResult compare(@Valid @RequestBody CompareRequest request) {
        permissions.read();
        List<String> ids = request.unitIds() == null ? List.of() : request.unitIds();
        if (ids.isEmpty() || ids.size() > 4) {
            throw PlaceraException.invalid(RegisterProblemCodes.MATCHING_INVALID, "Compare one to four units.",
                    List.of(new Problem("/unitIds", RegisterProblemCodes.INVALID_VALUE, "Give 1–4 unit ids.")));
        }
        Matching.Criteria c = request.criteria() == null
                ? new Matching.Criteria(null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null)
                : request.criteria();
        List<Matching.Hit> hits = matching.compare(c, ids);
        List<String> excluded = ids.stream().filter(id -> hits.stream().noneMatch(h -> h.unitId().equals(id)))
                .toList();
        return new CompareResult(hits, excluded);
    }

    /** The compared units' rows, and the ids the hard filters dropped (or that do not exist). */
    record CompareResult(List<Matching.Hit> units, List<String> excluded) {
    }
}
