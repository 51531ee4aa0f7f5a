package se.placera.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.placera.documents.Attachment;
import se.placera.documents.Attachments;
import se.placera.forms.FormState;
import se.placera.inquiries.Inquiries;
import se.placera.inquiries.Inquiries.InquiryScope;
import se.placera.inquiries.Inquiries.InquiryView;
import se.placera.inquiries.InquiryProblemCodes;
import se.placera.security.CurrentUsers;
import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * The provider portal's inquiries: a provider user reads and answers only the inquiries sent to their own
 * organisation (the organisation comes from the account, never from the request); another provider's inquiry and
 * its files do not exist (404). Every read and write is audited.
 */
@RestController
@Tag(name = "Portal", description = "The provider portal: provider users of the register's providers")
class PortalInquiriesController {

    private final Inquiries inquiries;
    private final Attachments attachments;
    private final InquiryFiles files;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;

    PortalInquiriesController(Inquiries inquiries, Attachments attachments, InquiryFiles files, CurrentUsers users,
            ApplicationEventPublisher events) {
        this.inquiries = inquiries;
        this.attachments = attachments;
        this.files = files;
        this.users = users;
        this.events = events;
    }

    /** An inquiry as its provider sees it, the answer form to render and the files uploaded for it. */
    record PortalInquiry(InquiryView inquiry, FormState form, List<Attachment> attachments) {
    }

    /** The provider's answer: the provider-response method's answers and ids of files uploaded to the inquiry. */
    record PortalAnswer(Map<String, Object> answers, List<String> attachments) {
    }

    @GetMapping("/api/portal/inquiries")
    @Operation(summary = "The inquiries sent to the provider user's organisation, newest first: awaiting an answer "
            + "(sent), answered, chosen, or placed elsewhere (not-chosen)")
    List<InquiryView> list() {
        return inquiries.sentTo(users.requireProviderId());
    }

    @GetMapping("/api/portal/inquiries/{id}")
    @Operation(summary = "One inquiry of the provider user's organisation with the provider-response form to "
            + "render and its uploaded files; 404 for another organisation's inquiry")
    PortalInquiry get(@PathVariable String id) {
        String providerId = users.requireProviderId();
        InquiryView inquiry = inquiries.forProvider(id, providerId);
        Map<String, Object> answers = inquiry.answer() == null ? Map.of() : inquiry.answer().answers();
        return new PortalInquiry(inquiry, inquiries.responseForm(id, providerId, answers),
                attachments.list(InquiryFiles.owner(id)));
    }

    /** Answers to compute the provider-response form with (nothing is stored). */
    record FormAnswers(Map<String, Object> answers) {
    }

    @PostMapping("/api/portal/inquiries/{id}/form")
    @Operation(summary = "The provider-response form of an inquiry of the provider user's organisation computed "
            + "with the answers given so far (visible questions, alternatives, messages); nothing is stored")
    FormState form(@PathVariable String id, @RequestBody FormAnswers body) {
        return inquiries.responseForm(id, users.requireProviderId(), body == null ? Map.of() : body.answers());
    }

    @PostMapping("/api/portal/inquiries/{id}/answer")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer an inquiry of the provider user's organisation; an answer after the deadline is "
            + "kept and marked late; 409 INQUIRY_ROUND_CLOSED once a unit has been chosen; attachments are ids of "
            + "files uploaded to this inquiry")
    InquiryView answer(@PathVariable String id, @RequestBody PortalAnswer answer) {
        String providerId = users.requireProviderId();
        inquiries.providerScope(id, providerId, "inquiry.answer");
        List<String> ids = answer == null || answer.attachments() == null ? List.of() : answer.attachments();
        Set<String> uploaded = attachments.list(InquiryFiles.owner(id)).stream().map(Attachment::id)
                .collect(Collectors.toSet());
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!uploaded.contains(ids.get(i))) {
                problems.add(new Problem("/attachments/" + i, "inquiry.unknown-attachment",
                        "Bilagan finns inte bland förfrågans uppladdade filer."));
            }
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(InquiryProblemCodes.INVALID, "The answer has errors; nothing was stored.",
                    problems);
        }
        return inquiries.answer(id, new Inquiries.Answer(answer.answers(), ids, null), providerId);
    }

    @PostMapping(value = "/api/portal/inquiries/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a PDF (part 'file') for the answer to an inquiry of the provider user's "
            + "organisation; checked by content: 415 not a PDF, 422 encrypted or active, 413 too large, nothing "
            + "stored on refusal; 409 once the round is closed or the inquiry answered")
    Attachment upload(@PathVariable String id, @RequestPart("file") MultipartFile file) {
        String providerId = users.requireProviderId();
        InquiryScope scope = inquiries.providerScope(id, providerId, "inquiry.attachment.upload");
        if (!scope.inquiry().roundOpen()) {
            throw PlaceraException.conflict(InquiryProblemCodes.ROUND_CLOSED,
                    "The inquiry round is closed: a unit has been chosen, and no more files are taken.");
        }
        if (scope.inquiry().answer() != null) {
            throw PlaceraException.conflict(InquiryProblemCodes.ALREADY_ANSWERED,
                    "The inquiry has already been answered.");
        }
        Attachment stored;
        try (InputStream in = file.getInputStream()) {
            stored = attachments.store(InquiryFiles.owner(id), file.getOriginalFilename(), in, file.getSize(),
                    users.current().username());
        } catch (PlaceraException e) {
            events.publishEvent(new Audited("inquiry.attachment.upload", "inquiry", id, scope.administration(),
                    "denied", Map.of("code", e.code())));
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new Audited("inquiry.attachment.upload", "inquiry", id, scope.administration(),
                "success", Map.of("attachmentId", stored.id(), "size", stored.size(), "sha256", stored.sha256())));
        return stored;
    }

    @GetMapping("/api/portal/inquiries/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download a PDF uploaded to an inquiry of the provider user's organisation")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String attachmentId) {
        InquiryScope scope = inquiries.providerScope(id, users.requireProviderId(), "inquiry.attachment.read");
        return files.download(scope, attachmentId, false, "inquiry.attachment.read");
    }
}
