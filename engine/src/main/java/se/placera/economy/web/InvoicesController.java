package se.placera.economy.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.economy.Invoices;
import se.placera.economy.Invoices.FlagDecisionRequest;
import se.placera.economy.Invoices.InvoiceSummary;
import se.placera.economy.Invoices.InvoiceView;

/** Invoice reconciliation (EC-3): import, read, decide flags. */
@RestController
@Tag(name = "Ekonomi")
class InvoicesController {

    /** Read at most this much of a body (the service refuses anything larger with 413). */
    static final int LIMIT = 20 * 1024 * 1024 + 1;

    private final Invoices invoices;

    InvoicesController(Invoices invoices) {
        this.invoices = invoices;
    }

    @PostMapping(value = "/api/economy/invoices", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            "text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import an invoice (raw body: Peppol BIS Billing 3 UBL XML or CSV) and reconcile it; a bad "
            + "file → 400 with problems per /lines/<file line>, nothing stored; the same invoice again → 409",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string", format = "binary"))))
    InvoiceView importInvoice(@RequestParam(required = false) String filename, InputStream body) throws IOException {
        return invoices.importInvoice(filename, body.readNBytes(LIMIT));
    }

    @GetMapping("/api/economy/invoices")
    @Operation(summary = "Imported invoices of the caller's administrations, newest first")
    List<InvoiceSummary> list() {
        return invoices.list();
    }

    @GetMapping("/api/economy/invoices/{id}")
    @Operation(summary = "One invoice with its lines, what was expected and its flags")
    InvoiceView get(@PathVariable String id) {
        return invoices.get(id);
    }

    @PostMapping("/api/economy/invoices/{id}/flags/{flagId}/decision")
    @Operation(summary = "Approve (godkand) or dispute (bestridd, with a note) one flag; send the invoice's revision")
    InvoiceView decide(@PathVariable String id, @PathVariable String flagId,
            @RequestBody FlagDecisionRequest decision) {
        return invoices.decide(id, flagId, decision);
    }
}
