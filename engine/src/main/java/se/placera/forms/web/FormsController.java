package se.placera.forms.web;

import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.documents.Pdfs;
import se.placera.forms.AutoAnswerPresets;
import se.placera.forms.FormProblemCodes;
import se.placera.forms.FormState;
import se.placera.forms.Forms;
import se.placera.forms.StartOnce;
import se.placera.forms.Subject;
import se.placera.shared.PlaceraException;
import se.placera.shared.Versions;

/** HTTP API of the form runtime. */
@RestController
@Tag(name = "Forms", description = "Fill in methods: start a response, change answers, submit")
class FormsController {

    private final Forms forms;
    private final AutoAnswerPresets presets;
    private final Pdfs pdfs;
    private final StartOnce startOnce;

    FormsController(Forms forms, AutoAnswerPresets presets, Pdfs pdfs, StartOnce startOnce) {
        this.startOnce = startOnce;
        this.forms = forms;
        this.presets = presets;
        this.pdfs = pdfs;
    }

    /** Start a response; {@code version} defaults to the version in use. */
    record StartRequest(@NotBlank @Size(max = InputLimits.ID) String methodId, Integer version, @Valid Subject subject,
            @Size(max = InputLimits.ID) String respondentRole) {
    }

    /** Answers to change; a null value clears an answer. {@code revision} guards against lost updates. */
    record AnswersRequest(@Size(max = InputLimits.LONG_LIST) Map<@Size(max = InputLimits.ID) String, Object> answers,
            Long revision) {
    }

    record PreviewRequest(@Size(max = InputLimits.LONG_LIST) Map<@Size(max = InputLimits.ID) String, Object> answers,
            @Valid Subject subject) {
    }

    @PostMapping("/api/responses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a response on a method; returns the form state")
    FormState start(@Valid @RequestBody StartRequest request,
            @Parameter(description = "Same key from the same user within 24 h returns the same response")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return startOnce.start(idempotencyKey, request.methodId(), request.version(), request.subject(),
                request.respondentRole());
    }

    @GetMapping("/api/responses")
    @Operation(summary = "The current user's responses, newest first (Mina arbetsuppgifter)")
    List<Forms.ResponseSummary> mine(@RequestParam(required = false) String status) {
        return forms.mine(status);
    }

    @GetMapping("/api/responses/{id}")
    @Operation(summary = "A response's form state")
    FormState get(@PathVariable String id) {
        return forms.get(id);
    }

    @GetMapping("/api/responses/{id}/receipt.pdf")
    @Operation(summary = "The receipt of a submitted response as PDF (answers by label); 409 for a draft")
    ResponseEntity<byte[]> receiptPdf(@PathVariable String id) {
        FormState state = forms.get(id);
        if (!"submitted".equals(state.status())) {
            throw PlaceraException.conflict(FormProblemCodes.NOT_SUBMITTED,
                    "Only a submitted response has a receipt.");
        }
        byte[] pdf = pdfs.write(ReceiptPdf.of(state));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kvitto-" + id + ".pdf\"")
                .body(pdf);
    }

    @PatchMapping("/api/responses/{id}/answers")
    @Operation(summary = "Change answers of a draft and save it; returns the new state. Send the revision you "
            + "read (field 'revision' or If-Match): 428 VERSION_REQUIRED without it, 409 if it is stale")
    FormState answer(@PathVariable String id, @Valid @RequestBody AnswersRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return forms.answer(id, request.answers(),
                Versions.fromIfMatch(request.revision(), ifMatch, FormProblemCodes.INVALID_ANSWERS));
    }

    @PostMapping("/api/responses/{id}/submit")
    @Operation(summary = "Submit, optionally with last changes; 400 with a pointer per problem, nothing stored. "
            + "Send the revision you read (field 'revision' or If-Match): 428 without it, 409 if it is stale")
    FormState submit(@PathVariable String id, @Valid @RequestBody(required = false) AnswersRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return forms.submit(id, request == null ? null : request.answers(), Versions.fromIfMatch(
                request == null ? null : request.revision(), ifMatch, FormProblemCodes.INVALID_ANSWERS));
    }

    @PostMapping("/api/methods/{methodId}/versions/{version}/preview")
    @Operation(summary = "Compute a form state without storing anything (designer preview, drafts included)")
    FormState preview(@PathVariable String methodId, @PathVariable int version,
            @Valid @RequestBody(required = false) PreviewRequest request) {
        return forms.preview(methodId, version, request == null ? null : request.answers(),
                request == null ? null : request.subject());
    }

    @GetMapping("/api/autoanswer-presets/{username}")
    @Operation(summary = "A user's presets of automatic answers, per method (FM-6)")
    List<AutoAnswerPresets.Preset> presets(@PathVariable String username) {
        return presets.forUser(username);
    }

    /** The presets; {@code revision} is the one read when presets of the method exist already. */
    record PresetRequest(@Size(max = InputLimits.LONG_LIST) Map<@Size(max = InputLimits.ID) String, Object> values,
            Long revision) {
    }

    @PutMapping("/api/autoanswer-presets/{username}/{methodId}")
    @Operation(summary = "Set which questions of a method are answered automatically for a user, and with what. "
            + "To change presets that exist, send the revision you read (field 'revision' or If-Match): 428 "
            + "VERSION_REQUIRED without it, 409 if it is stale")
    AutoAnswerPresets.Preset putPresets(@PathVariable String username, @PathVariable String methodId,
            @Valid @RequestBody PresetRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return presets.put(username, methodId, request.values(),
                Versions.fromIfMatch(request.revision(), ifMatch, FormProblemCodes.INVALID_PRESET));
    }

    @DeleteMapping("/api/autoanswer-presets/{username}/{methodId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePresets(@PathVariable String username, @PathVariable String methodId) {
        presets.delete(username, methodId);
    }
}
