package se.placera.manual.web;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.placera.manual.Manual;

/** The user manual (US-7): any signed-in user; provider users the provider manual only. */
@RestController
@Tag(name = "Handbok")
class ManualController {

    private final Manual manual;

    ManualController(Manual manual) {
        this.manual = manual;
    }

    @GetMapping("/api/manual")
    @Operation(summary = "The manual's pages the caller may read, each marked when it describes the caller's own role")
    List<Manual.ManualPageSummary> pages() {
        return manual.pages();
    }

    @GetMapping("/api/manual/pages/{id}")
    @Operation(summary = "One page of the manual as HTML (raw HTML in the source escaped, links and images as app paths)")
    Manual.ManualPage page(@PathVariable String id) {
        return manual.page(id);
    }

    @GetMapping(value = "/api/manual/images/{name}", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "A screenshot shown by a page the caller may read")
    ResponseEntity<byte[]> image(@PathVariable String name) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()).body(manual.image(name));
    }

    @GetMapping(value = "/api/manual/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The whole manual the caller may read as a printable PDF (title page, contents, screenshots)")
    ResponseEntity<byte[]> book() {
        return pdf(manual.pdf(null), "placera-handbok.pdf");
    }

    @GetMapping(value = "/api/manual/pages/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "One role's manual as a printable PDF (title page, contents, screenshots)")
    ResponseEntity<byte[]> chapter(@PathVariable String id) {
        return pdf(manual.pdf(id), "placera-handbok-" + id + ".pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] content, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
    }
}
