package se.placera.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.placera.notifications.internal.MailOutboxView;

/** The mail outbox for administrators (IN-2): waiting, sent and dead letters of their administrations. */
@RestController
@Tag(name = "E-post")
class MailOutboxController {

    private final MailOutboxView outbox;

    MailOutboxController(MailOutboxView outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/admin/mail-outbox")
    @Operation(summary = "The mail outbox, newest first: PENDING, SENDING, SENT and DEAD (dead letters); "
            + "without SMTP configured the mails stay here to be read")
    MailOutboxView.MailOutboxPage list(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit) {
        return outbox.list(status, limit);
    }

    @PostMapping("/api/admin/mail-outbox/{id}/retry")
    @Operation(summary = "Send a dead letter again")
    MailOutboxView.MailView retry(@PathVariable String id) {
        return outbox.retry(id);
    }
}
