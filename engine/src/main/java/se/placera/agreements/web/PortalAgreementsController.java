package se.placera.agreements.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.placera.agreements.Agreements.AgreementView;
import se.placera.agreements.Agreements.Sign;
import se.placera.agreements.ProviderAgreements;

/** The provider portal's agreements: the provider's signatory reads and signs after the municipality. */
@RestController
@Tag(name = "Leverantörsportalen")
class PortalAgreementsController {

    private final ProviderAgreements agreements;

    PortalAgreementsController(ProviderAgreements agreements) {
        this.agreements = agreements;
    }

    @GetMapping("/api/portal/agreements")
    @Operation(summary = "The agreements with the provider user's organisation that the municipality has signed")
    List<AgreementView> mine() {
        return agreements.mine();
    }

    @GetMapping("/api/portal/agreements/{id}/pdf")
    @Operation(summary = "The agreement's signed PDF/A")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("avtal-" + id + ".pdf").build().toString())
                .body(agreements.pdf(id));
    }

    @PostMapping("/api/portal/agreements/{id}/signatures")
    @Operation(summary = "Sign as the provider's signatory (second signature); 409 AGREEMENT_SIGNING_ORDER")
    AgreementView sign(@PathVariable String id, @RequestBody Sign request) {
        return agreements.sign(id, request);
    }
}
