package se.placera.economy.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.economy.Costs;
import se.placera.economy.Costs.CostRollUp;
import se.placera.economy.Costs.Dimension;
import se.placera.economy.Costs.ExtraCostRequest;
import se.placera.economy.Costs.LoyaltyView;
import se.placera.economy.Costs.Period;
import se.placera.economy.Costs.PlacementCostView;

/** Costs per day, roll-ups and agreement loyalty (EC-1). ECONOMY READ reads, ECONOMY WRITE records extra costs. */
@RestController
@Tag(name = "Ekonomi")
class CostsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Costs costs;
    private final se.placera.economy.EconomyExports exports;

    CostsController(Costs costs, se.placera.economy.EconomyExports exports) {
        this.costs = costs;
        this.exports = exports;
    }

    @GetMapping("/api/economy/costs/export.xlsx")
    @Operation(summary = "The roll-up as Excel: real numbers with number formats")
    org.springframework.http.ResponseEntity<byte[]> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "TOTAL") Dimension by, @RequestParam(defaultValue = "WHOLE") Period period) {
        return xlsx(exports.rollUp(from, to, by, period), "kostnader.xlsx");
    }

    @GetMapping("/api/economy/invoices/{id}/export.xlsx")
    @Operation(summary = "A reconciled invoice as Excel: lines with expected amounts, flags with decisions")
    org.springframework.http.ResponseEntity<byte[]> exportInvoice(@PathVariable String id) {
        return xlsx(exports.invoice(id), "faktura-" + id + ".xlsx");
    }

    static org.springframework.http.ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(XLSX))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").body(body);
    }

    @GetMapping("/api/economy/costs")
    @Operation(summary = "Costs of a period (default: this year) grouped by placement, caseworker, team, department, administration … per day, month or year")
    CostRollUp rollUp(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "TOTAL") Dimension by, @RequestParam(defaultValue = "WHOLE") Period period) {
        return costs.rollUp(from, to, by, period);
    }

    @GetMapping("/api/economy/placements/{id}/costs")
    @Operation(summary = "One placement's cost line by line (default: from its start, a year or to its end)")
    PlacementCostView explain(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return costs.explain(id, from, to);
    }

    @PostMapping("/api/economy/placements/{id}/extra-costs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an extra cost (transport, extra staff) on a placement; send the placement's revision")
    PlacementCostView addExtraCost(@PathVariable String id, @RequestBody ExtraCostRequest request) {
        return costs.addExtraCost(id, request);
    }

    @GetMapping("/api/economy/loyalty")
    @Operation(summary = "Agreement loyalty: share of days and cost within framework agreements, and the placements outside with their reason")
    LoyaltyView loyalty(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "TOTAL") Dimension by) {
        return costs.loyalty(from, to, by);
    }
}
