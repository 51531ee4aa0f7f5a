package se.placera.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import se.placera.documents.Attachment;
import se.placera.documents.AttachmentProblemCodes;
import se.placera.documents.Attachments;
import se.placera.inquiries.Inquiries.InquiryScope;
import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;

/**
 * The attachments of one inquiry (owner {@code inquiry:<id>}), served to whoever the caller has already scoped:
 * the inquiry's provider or the case's caseworker. Every download is audited under the case's administration.
 */
@Component
class InquiryFiles {

    private final Attachments attachments;
    private final ApplicationEventPublisher events;

    InquiryFiles(Attachments attachments, ApplicationEventPublisher events) {
        this.attachments = attachments;
        this.events = events;
    }

    static String owner(String inquiryId) {
        return "inquiry:" + inquiryId;
    }

    /**
     * Streams an attachment of the inquiry. With {@code answeredOnly} (the caseworker) only the attachments the
     * provider's answer names are there; the others are missing (404) as are other inquiries' files.
     */
    ResponseEntity<InputStreamResource> download(InquiryScope scope, String attachmentId, boolean answeredOnly,
            String action) {
        String inquiryId = scope.inquiry().id();
        boolean named = scope.inquiry().answer() != null && scope.inquiry().answer().attachments() != null
                && scope.inquiry().answer().attachments().contains(attachmentId);
        Attachment a;
        try {
            if (answeredOnly && !named) {
                throw PlaceraException.notFound(AttachmentProblemCodes.NOT_FOUND, "There is no such attachment.");
            }
            a = attachments.get(owner(inquiryId), attachmentId);
        } catch (PlaceraException e) {
            events.publishEvent(Audited.denied(action, "attachment", attachmentId, e.code()));
            throw e;
        }
        events.publishEvent(new Audited(action, "inquiry", inquiryId, scope.administration(), "success",
                Map.of("attachmentId", a.id(), "sha256", a.sha256())));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(a.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.filename(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(attachments.open(owner(inquiryId), a.id())));
    }
}
