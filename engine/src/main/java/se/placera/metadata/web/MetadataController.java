package se.placera.metadata.web;

import jakarta.validation.Valid;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.Bundle;
import se.placera.metadata.Definition;
import se.placera.metadata.ImportReport;
import se.placera.metadata.Metadata;
import se.placera.metadata.MetadataProblemCodes;
import se.placera.metadata.ValidationReport;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.Versions;

/** HTTP API of the metadata store. Reading needs a signed-in user; changing needs the ADMIN role. */
@RestController
@RequestMapping("/api/metadata")
@Tag(name = "Metadata", description = "Versioned definitions: methods, codelists, areas")
class MetadataController {

    private final Metadata metadata;

    MetadataController(Metadata metadata) {
        this.metadata = metadata;
    }

    record KindInfo(String name, String plural, String title) {
    }

    @GetMapping("/kinds")
    @Operation(summary = "The metadata kinds this installation knows")
    List<KindInfo> kinds() {
        return metadata.kinds().stream().map(k -> new KindInfo(k.name(), k.plural(), k.title())).toList();
    }

    @GetMapping("/{kind}")
    @Operation(summary = "The newest version of every definition of a kind")
    List<Definition> list(@PathVariable String kind) {
        return metadata.list(kind);
    }

    @PostMapping("/{kind}")
    @Operation(summary = "Create or update the draft of a definition (the id is read from the content); "
            + "?create=true refuses an id that exists (409 METADATA_ID_TAKEN) instead of making a new version of it. "
            + "Changing an open draft needs If-Match with the draft's revision as read: 428 VERSION_REQUIRED without "
            + "it, 409 if it is stale")
    ResponseEntity<SavedDraft> saveDraft(@PathVariable String kind, @RequestBody JsonNode content,
            @RequestParam(defaultValue = "false") boolean create,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Metadata.SaveResult result = create ? metadata.createDraft(kind, content)
                : metadata.saveDraft(kind, content, Versions.fromIfMatch(null, ifMatch, MetadataProblemCodes.INVALID));
        return ResponseEntity.status(HttpStatus.OK).body(new SavedDraft(result.definition(), result.report().warnings()));
    }

    @PutMapping("/{kind}/{id}/draft")
    @Operation(summary = "Save the draft of a definition; starts a new draft version after a published one. "
            + "Changing an open draft needs If-Match with its revision as read (428 without, 409 if stale)")
    SavedDraft putDraft(@PathVariable String kind, @PathVariable String id, @RequestBody JsonNode content,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        JsonNode contentId = content.get("id");
        if (contentId != null && !id.equals(contentId.asString())) {
            throw PlaceraException.invalid(MetadataProblemCodes.ID_MISMATCH, "The id in the path and in the content differ.",
                    List.of(new Problem("/id", "metadata.id-mismatch", "Expected '" + id + "'.")));
        }
        Metadata.SaveResult result = metadata.saveDraft(kind, content,
                Versions.fromIfMatch(null, ifMatch, MetadataProblemCodes.INVALID));
        return new SavedDraft(result.definition(), result.report().warnings());
    }

    record SavedDraft(Definition definition, List<Problem> warnings) {
    }

    @PostMapping("/{kind}/validate")
    @Operation(summary = "Validate content without storing it: meta-schema and the kind's publish checks")
    ValidationReport validate(@PathVariable String kind, @RequestBody JsonNode content) {
        return metadata.validate(kind, content);
    }

    @GetMapping("/{kind}/{id}")
    @Operation(summary = "The newest version of a definition; ?status=published for the one in use")
    Definition get(@PathVariable String kind, @PathVariable String id,
            @RequestParam(required = false) String status) {
        if ("published".equals(status)) {
            return metadata.latestPublished(kind, id).orElseThrow(() -> PlaceraException.notFound(
                    MetadataProblemCodes.NOT_FOUND, "There is no published version of '" + id + "'."));
        }
        return metadata.latest(kind, id);
    }

    @GetMapping("/{kind}/{id}/versions")
    @Operation(summary = "Every version of a definition")
    List<Definition> versions(@PathVariable String kind, @PathVariable String id) {
        return metadata.versions(kind, id);
    }

    @GetMapping("/{kind}/{id}/versions/{version}")
    @Operation(summary = "One version of a definition")
    Definition version(@PathVariable String kind, @PathVariable String id, @PathVariable int version) {
        return metadata.get(kind, id, version);
    }

    @PostMapping("/{kind}/{id}/versions/{version}/publish")
    @Operation(summary = "Publish a draft; published versions are immutable")
    Definition publish(@PathVariable String kind, @PathVariable String id, @PathVariable int version) {
        return metadata.publish(kind, id, version);
    }

    @PostMapping("/{kind}/{id}/versions/{version}/retire")
    @Operation(summary = "Retire a published version: no new responses start on it")
    Definition retire(@PathVariable String kind, @PathVariable String id, @PathVariable int version) {
        return metadata.retire(kind, id, version);
    }

    @GetMapping("/bundle")
    @Operation(summary = "Export every version of the given kinds (default all) as a bundle")
    Bundle export(@RequestParam(required = false) List<String> kind) {
        return metadata.export(kind);
    }

    @PostMapping("/bundle")
    @Operation(summary = "Import a bundle, all or nothing; ?validateOnly=true reports what would happen")
    ResponseEntity<ImportReport> importBundle(@Valid @RequestBody Bundle bundle,
            @RequestParam(defaultValue = "false") boolean validateOnly) {
        ImportReport report = metadata.importBundle(bundle, validateOnly);
        if (!report.errors().isEmpty() && !validateOnly) {
            throw PlaceraException.invalid(MetadataProblemCodes.BUNDLE_INVALID,
                    "The bundle was rejected; nothing was imported.", report.errors());
        }
        return ResponseEntity.ok(report);
    }

}
