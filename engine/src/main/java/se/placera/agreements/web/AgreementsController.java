package se.placera.agreements.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.agreements.AgreedPrices;
import se.placera.agreements.AgreedPrices.PricePeriod;
import se.placera.agreements.AgreementProblemCodes;
import se.placera.agreements.Agreements;
import se.placera.agreements.Agreements.AgreementView;
import se.placera.agreements.Agreements.Edit;
import se.placera.agreements.Agreements.NewAgreement;
import se.placera.agreements.Agreements.NewSupplement;
import se.placera.agreements.Agreements.Sign;
import se.placera.shared.Versions;

/** Agreements of placement cases (PA-7): create from the decided placement, edit free text, preview, download. */
@RestController
@Tag(name = "Avtal")
class AgreementsController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Agreements agreements;
    private final AgreedPrices prices;

    AgreementsController(Agreements agreements, AgreedPrices prices) {
        this.agreements = agreements;
        this.prices = prices;
    }

    @PostMapping("/api/cases/{id}/agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create the agreement of a decided placement: the template is chosen by rule and the "
            + "fields filled; 409 AGREEMENT_NO_PLACEMENT / AGREEMENT_NO_TEMPLATE / AGREEMENT_EXISTS")
    AgreementView create(@PathVariable String id, @RequestBody(required = false) NewAgreement request) {
        return agreements.create(id, request);
    }

    @GetMapping("/api/cases/{id}/agreements")
    @Operation(summary = "The agreements of a case, main agreement first")
    List<AgreementView> forCase(@PathVariable String id) {
        return agreements.forCase(id);
    }

    @GetMapping("/api/cases/{id}/agreed-prices")
    @Operation(summary = "The agreed price per day as the signed agreements set it, by period")
    List<PricePeriod> agreedPrices(@PathVariable String id) {
        return prices.periods(id);
    }

    @GetMapping("/api/agreements/{id}")
    @Operation(summary = "One agreement with its free-text parts, signatures and history")
    AgreementView get(@PathVariable String id) {
        return agreements.get(id);
    }

    @PutMapping("/api/agreements/{id}/free-text")
    @Operation(summary = "Change free-text parts of an unsigned agreement (never fixed clauses); needs the revision "
            + "read (If-Match or body), 428 without, 409 if stale")
    AgreementView edit(@PathVariable String id, @RequestBody Edit edit,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long revision = Versions.fromIfMatch(edit == null ? null : edit.revision(), ifMatch,
                AgreementProblemCodes.INVALID);
        return agreements.edit(id, new Edit(revision, edit == null ? null : edit.freeText()));
    }

    @PostMapping("/api/agreements/{id}/supplements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A tilläggsavtal to a signed agreement: new price per day from a date (revision of the "
            + "main agreement required)")
    AgreementView supplement(@PathVariable String id, @RequestBody NewSupplement request) {
        return agreements.supplement(id, request);
    }

    @PostMapping("/api/agreements/{id}/signatures")
    @Operation(summary = "Sign as the municipality's representative (first signature) through a signing provider "
            + "(default local); 409 AGREEMENT_SIGNING_ORDER, 400 AGREEMENT_SIGNATURE_INVALID, 409 "
            + "AGREEMENT_SIGNING_FAILED (unsigned, can be signed again)")
    AgreementView sign(@PathVariable String id, @RequestBody Sign request) {
        return agreements.sign(id, request);
    }

    @PostMapping("/api/agreements/{id}/signatures/{reference}")
    @Operation(summary = "Go on with a signing a redirecting provider started (its response) or poll it (no body)")
    AgreementView continueSigning(@PathVariable String id, @PathVariable String reference,
            @RequestBody(required = false) Map<String, String> response) {
        return agreements.continueSigning(id, reference, response);
    }

    @GetMapping("/api/agreements/{id}/preview")
    @Operation(summary = "The agreement as XHTML, as it will be printed")
    ResponseEntity<String> preview(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(agreements.preview(id));
    }

    @GetMapping("/api/agreements/{id}/pdf")
    @Operation(summary = "The agreement as PDF/A-2b (with its signatures once signing has begun)")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        return file(agreements.pdf(id), MediaType.APPLICATION_PDF, "avtal-" + id + ".pdf");
    }

    @GetMapping("/api/agreements/{id}/docx")
    @Operation(summary = "The agreement as DOCX, for a provider that must mark it up")
    ResponseEntity<byte[]> docx(@PathVariable String id) {
        return file(agreements.docx(id), DOCX, "avtal-" + id + ".docx");
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(bytes);
    }
}
