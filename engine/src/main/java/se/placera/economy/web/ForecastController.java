package se.placera.economy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.placera.economy.Forecasts;
import se.placera.economy.Forecasts.ForecastView;

/** The cost forecast (EC-1), ECONOMY READ, the caller's administrations only. */
@RestController
@Tag(name = "Ekonomi")
class ForecastController {

    private final Forecasts forecasts;

    ForecastController(Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    @GetMapping("/api/economy/forecast")
    @Operation(summary = "The cost forecast of this year (default) or the next: booked + current placements to their planned or expected end + expected new placements, every part with its inputs")
    ForecastView forecast(@RequestParam(required = false) Integer year) {
        return forecasts.forecast(year);
    }
}
