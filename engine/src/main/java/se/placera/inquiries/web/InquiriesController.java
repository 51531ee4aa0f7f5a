package se.placera.inquiries.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.inquiries.Inquiries;
import se.placera.inquiries.Inquiries.Answer;
import se.placera.inquiries.Inquiries.DeadlineChange;
import se.placera.inquiries.Inquiries.Decision;
import se.placera.inquiries.Inquiries.NewRound;
import se.placera.inquiries.Inquiries.RoundView;

/** Inquiry rounds of a case (PA-3 to PA-6): scoped like the case, 404 for whoever may not see it. */
@RestController
@Tag(name = "Förfrågningar")
class InquiriesController {

    private final Inquiries inquiries;

    InquiriesController(Inquiries inquiries) {
        this.inquiries = inquiries;
    }

    @GetMapping("/api/cases/{id}/inquiries")
    @Operation(summary = "The case's inquiry rounds, newest first, with every inquiry and answer")
    List<RoundView> rounds(@PathVariable String id) {
        return inquiries.rounds(id);
    }

    @PostMapping("/api/cases/{id}/inquiries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send an inquiry round to units of the register; takes the case's transition "
            + "skicka-forfragan. Idempotent by the Idempotency-Key header or the body's roundId")
    RoundView send(@PathVariable String id, @RequestBody NewRound round,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return inquiries.send(id, round, idempotencyKey);
    }

    @PutMapping("/api/cases/{id}/inquiries/{inquiryId}/deadline")
    @Operation(summary = "Move the deadline of one inquiry of an open round")
    RoundView deadline(@PathVariable String id, @PathVariable String inquiryId, @RequestBody DeadlineChange change) {
        return inquiries.changeDeadline(id, inquiryId, change);
    }

    @PostMapping("/api/cases/{id}/inquiries/{inquiryId}/answer")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an answer a provider gave by telephone, e-mail or letter; 409 INQUIRY_ROUND_CLOSED "
            + "once a unit has been chosen")
    RoundView answer(@PathVariable String id, @PathVariable String inquiryId, @RequestBody Answer answer) {
        return inquiries.recordAnswer(id, inquiryId, answer);
    }

    @PostMapping("/api/cases/{id}/decision")
    @Operation(summary = "Choose one answer: the case is placed with that unit, price per day and start date; the "
            + "other providers asked are told by mail; the round closes")
    RoundView decide(@PathVariable String id, @RequestBody Decision decision) {
        return inquiries.decide(id, decision);
    }
}
