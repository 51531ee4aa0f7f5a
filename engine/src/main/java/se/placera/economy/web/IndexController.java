package se.placera.economy.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.placera.economy.PlacementIndex;
import se.placera.economy.PlacementIndex.IndexView;

/** The placement index (IX-1): cost per day against quality per unit. INDEX READ. */
@RestController
@Tag(name = "Placeringsindex")
class IndexController {

    private final PlacementIndex index;

    IndexController(PlacementIndex index) {
        this.index = index;
    }

    @GetMapping("/api/index/units")
    @Operation(summary = "Per unit: cost per day of the caller's placements in the period (default: this year) against quality")
    IndexView units(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return index.units(from, to);
    }
}
