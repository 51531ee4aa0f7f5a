package se.placera.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.placera.inquiries.Inquiries;

/** The caseworker's side of the portal's files: the attachments of answers on a case they may see. */
@RestController
@Tag(name = "Förfrågningar")
class CaseInquiryFilesController {

    private final Inquiries inquiries;
    private final InquiryFiles files;

    CaseInquiryFilesController(Inquiries inquiries, InquiryFiles files) {
        this.inquiries = inquiries;
        this.files = files;
    }

    @GetMapping("/api/cases/{id}/inquiries/{inquiryId}/attachments/{attachmentId}")
    @Operation(summary = "Download a PDF a provider attached to its answer to an inquiry of the case; 404 for "
            + "whoever may not see the case and for files the answer does not name")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String inquiryId,
            @PathVariable String attachmentId) {
        return files.download(inquiries.caseScope(id, inquiryId, "inquiry.attachment.read"), attachmentId, true,
                "inquiry.attachment.read");
    }
}
