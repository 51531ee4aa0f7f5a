package se.placera.providers.web;

import jakarta.validation.constraints.Size;
import se.placera.shared.InputLimits;
import jakarta.validation.Valid;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Matching;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Quality;
import se.placera.providers.Register;
import se.placera.providers.RegisterImport;
import se.placera.providers.RegisterProblemCodes;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.providers.UnitQualities;
import se.placera.providers.internal.ProvidersProperties;
import se.placera.providers.internal.RegisterWorkbook;
import se.placera.providers.internal.UnitFiles;
import se.placera.shared.PlaceraException;
import se.placera.shared.SwedishOrder;
import se.placera.shared.SwedishTime;
import se.placera.shared.Versions;

/** HTTP API of the utförarregister (PA-8): providers, units, framework agreements, files, Excel, quality. */
@RestController
@Tag(name = "Utförarregister", description = "Providers and their units, prices, agreements, IVO permits, "
        + "documents, quality fields; Excel template, import and export")
class RegisterController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Register register;
    private final UnitQualities qualities;
    private final RegisterWorkbook workbook;
    private final UnitFiles files;
    private final Permissions permissions;
    private final ProvidersProperties properties;
    private final Matching matching;

    private final Clock clock;

    RegisterController(Register register, UnitQualities qualities, RegisterWorkbook workbook, UnitFiles files,
            Permissions permissions, ProvidersProperties properties, Matching matching, Clock clock) {
        this.clock = clock;
        this.matching = matching;
        this.register = register;
        this.qualities = qualities;
        this.workbook = workbook;
        this.files = files;
        this.permissions = permissions;
        this.properties = properties;
    }

    /**
     * A unit with its provider, framework agreement and quality fields, and why matching leaves it out today
     * ({@link Matching#exclusions}; empty when searches can find it).
     */
    @Schema(description = "Verksamhet med utförare, ramavtal och kvalitetsuppgifter")
    record UnitDetails(Unit unit, Provider provider, FrameworkAgreement frameworkAgreement, Quality quality,
            Unit.Price currentPrice, List<Matching.Exclusion> matchingExclusions) {
    }

    /** One line of the register list. */
    @Schema(description = "En rad i registerlistan")
    record UnitSummary(String id, String name, String providerId, String providerName, String regi,
            String municipality, String locality, List<String> targetGroups, List<String> placementForms,
            String tenderArea, String agreementType, String frameworkAgreementId, Integer places, Integer vacancies,
            Integer pricePerDay, String priceModel, String caseworkerRating, String clientRating,
            Double breakdownRate, LocalDate ivoValidTo, boolean active) {
    }

    @Schema(description = "En sida av registerlistan")
    record UnitPage(int total, int offset, int limit, List<UnitSummary> items) {
    }

    /** A deviation (avvikelse) to register against a unit. */
    record DeviationRequest(@Size(max = InputLimits.ID) String id, LocalDate date,
            @Size(max = InputLimits.NAME) String category, @Size(max = InputLimits.TEXT) String description) {
    }

    record VacanciesRequest(Integer vacancies, Long version) {
    }

    // ------------------------------------------------------------------ providers

    @GetMapping("/api/register/providers")
    @Operation(summary = "Providers, sorted by name; q filters on name and organisationsnummer")
    List<Provider> providers(@RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean active) {
        permissions.read();
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        return register.providers().stream()
                .filter(p -> active == null || p.isActive() == active)
                .filter(p -> needle == null || (p.name() != null && p.name().toLowerCase(Locale.ROOT).contains(needle))
                        || (p.orgNumber() != null && p.orgNumber().contains(needle)))
                .sorted(Comparator.comparing(Provider::name, SwedishOrder.NAMES))
                .toList();
    }

    @GetMapping("/api/register/providers/{id}")
    @Operation(summary = "One provider")
    Provider provider(@PathVariable String id) {
        permissions.read();
        return findProvider(id);
    }

    @PostMapping("/api/register/providers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a provider (register permission WRITE)")
    Provider createProvider(@Valid @RequestBody Provider provider) {
        permissions.write();
        if (provider.id() != null && register.provider(new ProviderId(provider.id())).isPresent()) {
            throw PlaceraException.conflict(RegisterProblemCodes.DUPLICATE, "Provider '" + provider.id()
                    + "' exists; update it with PUT.");
        }
        return register.saveProvider(provider);
    }

    @PutMapping("/api/register/providers/{id}")
    @Operation(summary = "Update a provider; send the version you read (409 if someone else changed it)")
    Provider updateProvider(@PathVariable String id, @Valid @RequestBody Provider provider,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        permissions.write();
        findProvider(id);
        return register.saveProvider(new Provider(id, provider.name(), provider.orgNumber(), provider.regi(),
                provider.contact(), provider.active(), version(provider.version(), ifMatch), null, null, null));
    }

    // ------------------------------------------------------------------ units

    @GetMapping("/api/register/units")
    @Operation(summary = "The register list: units with filters, sorted by name")
    UnitPage units(@RequestParam(required = false) @Parameter(description = "Text in unit, provider or locality") String q,
            @RequestParam(required = false) String providerId, @RequestParam(required = false) String placementForm,
            @RequestParam(required = false) String targetGroup, @RequestParam(required = false) String tenderArea,
            @RequestParam(required = false) String municipality, @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        permissions.read();
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        LocalDate today = SwedishTime.today(clock);
        List<UnitSummary> all = register.units().stream()
                .filter(u -> providerId == null || providerId.equals(u.providerId()))
                .filter(u -> placementForm == null || u.placementForms().contains(placementForm))
                .filter(u -> targetGroup == null || u.targetGroups().contains(targetGroup))
                .filter(u -> tenderArea == null || tenderArea.equals(u.tenderArea()))
                .filter(u -> municipality == null || municipality.equalsIgnoreCase(u.municipality()))
                .filter(u -> active == null || u.isActive() == active)
                .map(u -> summary(u, today))
                .filter(s -> needle == null || contains(s.name(), needle) || contains(s.providerName(), needle)
                        || contains(s.locality(), needle) || contains(s.municipality(), needle))
                .sorted(Comparator.comparing(UnitSummary::name, SwedishOrder.NAMES)
                        .thenComparing(UnitSummary::id))
                .toList();
        int from = Math.max(0, Math.min(offset, all.size()));
        int size = Math.max(1, Math.min(limit, 1000));
        return new UnitPage(all.size(), from, size, all.subList(from, Math.min(all.size(), from + size)));
    }

    @GetMapping("/api/register/units/{id}")
    @Operation(summary = "One unit with its provider, framework agreement, quality fields and current price")
    UnitDetails unit(@PathVariable String id) {
        permissions.read();
        return details(findUnit(id));
    }

    @PostMapping("/api/register/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a unit (register permission WRITE); coded fields take codelist values")
    UnitDetails createUnit(@Valid @RequestBody Unit unit) {
        permissions.write();
        if (unit.id() != null && register.unit(new UnitId(unit.id())).isPresent()) {
            throw PlaceraException.conflict(RegisterProblemCodes.DUPLICATE, "Unit '" + unit.id()
                    + "' exists; update it with PUT.");
        }
        return details(register.saveUnit(unit));
    }

    @PutMapping("/api/register/units/{id}")
    @Operation(summary = "Update a unit's fields; send the version you read. Files are kept (own endpoints).")
    UnitDetails updateUnit(@PathVariable String id, @Valid @RequestBody Unit unit,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        permissions.write();
        findUnit(id);
        return details(register.saveUnit(new Unit(id, unit.providerId(), unit.name(), unit.active(),
                unit.municipality(), unit.locality(), unit.address(), unit.location(), unit.focus(),
                unit.targetGroups(), unit.placementForms(), unit.legalBases(), unit.genders(), unit.minAge(),
                unit.maxAge(), unit.needs(), unit.places(), unit.vacancies(), null, unit.prices(), unit.agreement(),
                unit.tenderArea(), unit.noticePeriodDays(), unit.ivoPermit(), List.of(), version(unit.version(), ifMatch), null, null,
                null)));
    }

    @PatchMapping("/api/register/units/{id}/vacancies")
    @Operation(summary = "Report the current number of vacancies (lediga platser)")
    UnitDetails vacancies(@PathVariable String id, @Valid @RequestBody VacanciesRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        permissions.write();
        Unit u = findUnit(id);
        return details(register.saveUnit(new Unit(u.id(), u.providerId(), u.name(), u.active(), u.municipality(),
                u.locality(), u.address(), u.location(), u.focus(), u.targetGroups(), u.placementForms(),
                u.legalBases(), u.genders(), u.minAge(), u.maxAge(), u.needs(), u.places(), request.vacancies(), null,
                u.prices(), u.agreement(), u.tenderArea(), u.noticePeriodDays(), u.ivoPermit(), u.documents(),
                version(request.version(), ifMatch), null, null, null)));
    }

    @GetMapping("/api/register/units/{id}/quality")
    @Operation(summary = "The unit's quality fields: ratings (shrunk mean and count), breakdown rate, deviations")
    Quality quality(@PathVariable String id) {
        permissions.read();
        findUnit(id);
        return qualities.of(new UnitId(id));
    }

    @PostMapping("/api/register/units/{id}/deviations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a deviation (avvikelse) against the unit; the id makes a repeat harmless")
    Quality deviation(@PathVariable String id, @Valid @RequestBody DeviationRequest request) {
        permissions.write();
        findUnit(id);
        String factId = request.id() == null || request.id().isBlank()
                ? "deviation:" + java.util.UUID.randomUUID() : "deviation:" + request.id();
        qualities.recordDeviation(factId, new UnitId(id), request.date(), request.category(), request.description());
        return qualities.of(new UnitId(id));
    }

    // ------------------------------------------------------------------ files

    @PutMapping(value = "/api/register/units/{id}/ivo-permit/document", consumes = "application/pdf")
    @Operation(summary = "Upload the IVO permit as PDF (raw body, Content-Type application/pdf)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
    UnitDetails putIvoPdf(@PathVariable String id, @RequestParam(required = false) String filename,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        permissions.write();
        return details(files.putIvoPdf(new UnitId(id), filename, contentType, document(body)));
    }

    @GetMapping("/api/register/units/{id}/ivo-permit/document")
    @Operation(summary = "Download the IVO permit PDF")
    ResponseEntity<byte[]> getIvoPdf(@PathVariable String id) {
        permissions.read();
        Unit u = findUnit(id);
        if (u.ivoPermit() == null || u.ivoPermit().documentId() == null) {
            throw PlaceraException.notFound(RegisterProblemCodes.DOCUMENT_NOT_FOUND, "The unit has no IVO permit PDF.");
        }
        return download(files.get(new UnitId(id), u.ivoPermit().documentId()));
    }

    @PostMapping("/api/register/units/{id}/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a document (raw body; PDF, DOCX, XLSX, PNG or JPEG; content checked)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))))
    UnitDetails addDocument(@PathVariable String id, @RequestParam String filename,
            @RequestParam(required = false) @Parameter(description = "information, avtal, ivo-tillstand or ovrigt") String kind,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        permissions.write();
        return details(files.addDocument(new UnitId(id), kind, filename, contentType, document(body)));
    }

    @GetMapping("/api/register/units/{id}/documents/{documentId}")
    @Operation(summary = "Download a document of the unit")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String documentId) {
        permissions.read();
        return download(files.get(new UnitId(id), documentId));
    }

    @DeleteMapping("/api/register/units/{id}/documents/{documentId}")
    @Operation(summary = "Remove a document of the unit")
    UnitDetails removeDocument(@PathVariable String id, @PathVariable String documentId) {
        permissions.write();
        return details(files.removeDocument(new UnitId(id), documentId));
    }

    // ------------------------------------------------------------------ framework agreements

    @GetMapping("/api/register/framework-agreements")
    @Operation(summary = "The framework agreements (ramavtal)")
    List<FrameworkAgreement> agreements() {
        permissions.read();
        return register.frameworkAgreements();
    }

    @PutMapping("/api/register/framework-agreements/{id}")
    @Operation(summary = "Create or update a framework agreement; send the version you read when updating")
    FrameworkAgreement saveAgreement(@PathVariable String id, @Valid @RequestBody FrameworkAgreement agreement,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        permissions.write();
        return register.saveFrameworkAgreement(new FrameworkAgreement(id, agreement.name(), agreement.placementForms(),
                agreement.tenderAreas(), agreement.validFrom(), agreement.validTo(), agreement.active(),
                version(agreement.version(), ifMatch), null, null));
    }

    // ------------------------------------------------------------------ Excel

    @GetMapping("/api/register/template.xlsx")
    @Operation(summary = "The Excel template for import, with the codes sheet and instructions")
    ResponseEntity<byte[]> template() {
        permissions.read();
        return xlsx(workbook.template(), "utforarregister-mall.xlsx");
    }

    @GetMapping("/api/register/export.xlsx")
    @Operation(summary = "The whole register as Excel (the same columns as the template, plus quality fields)")
    ResponseEntity<byte[]> export() {
        permissions.read();
        return xlsx(workbook.export(), "utforarregister-" + SwedishTime.today(clock) + ".xlsx");
    }

    @PostMapping(value = "/api/register/import", consumes = {XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import units from Excel (raw body). mode=all-or-nothing (default): any error → 400 with "
            + "errors per /rows/<row>/<column>, nothing stored; mode=valid-rows: valid rows stored, errors listed. "
            + "validateOnly=true stores nothing. Re-importing the same file changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = XLSX,
                    schema = @Schema(type = "string", format = "binary"))))
    RegisterImport importWorkbook(@RequestParam(required = false) String mode,
            @RequestParam(defaultValue = "false") boolean validateOnly, InputStream body) {
        permissions.write();
        // Read with a bound: a workbook over the limit is refused (413) at the first byte past it.
        return workbook.importWorkbook(InputLimits.readAtMost(body, properties.maxImportBytes(),
                RegisterProblemCodes.FILE_TOO_LARGE, "The workbook"), mode, validateOnly);
    }

    // ------------------------------------------------------------------ helpers

    /** An uploaded file, read with a bound: over the limit is 413 at the first byte past it, not after all. */
    private byte[] document(InputStream body) {
        return InputLimits.readAtMost(body, properties.maxDocumentBytes(), RegisterProblemCodes.FILE_TOO_LARGE,
                "The file");
    }

    /**
     * The version an update was read at: the body's {@code version}, else an {@code If-Match} header ({@code 3},
     * {@code "3"} or {@code W/"3"}); null when neither is given (the register then answers 428).
     */
    static Long version(Long fromBody, String ifMatch) {
        return Versions.fromIfMatch(fromBody, ifMatch, RegisterProblemCodes.INVALID);
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(XLSX))
                .body(bytes);
    }

    private static ResponseEntity<byte[]> download(UnitFiles.StoredFile f) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(f.contentType()))
                .body(f.content());
    }

    private UnitDetails details(Unit u) {
        Provider p = register.provider(new ProviderId(u.providerId())).orElse(null);
        FrameworkAgreement a = u.agreement() == null || u.agreement().frameworkAgreementId() == null ? null
                : register.frameworkAgreements().stream()
                        .filter(x -> x.id().equals(u.agreement().frameworkAgreementId())).findFirst().orElse(null);
        return new UnitDetails(u, p, a, qualities.of(new UnitId(u.id())), u.priceOn(SwedishTime.today(clock)).orElse(null),
                matching.exclusions(new UnitId(u.id())));
    }

    private UnitSummary summary(Unit u, LocalDate today) {
        Provider p = register.provider(new ProviderId(u.providerId())).orElse(null);
        Quality q = qualities.of(new UnitId(u.id()));
        Unit.Price price = u.priceOn(today).orElse(null);
        return new UnitSummary(u.id(), u.name(), u.providerId(), p == null ? null : p.name(),
                p == null ? null : p.regi(), u.municipality(), u.locality(), u.targetGroups(), u.placementForms(),
                u.tenderArea(), u.agreement() == null ? null : u.agreement().type(),
                u.agreement() == null ? null : u.agreement().frameworkAgreementId(), u.places(), u.vacancies(),
                price == null ? null : price.comparablePerDay(), price == null ? null : price.model(),
                q.caseworkerRating().display(), q.clientRating().display(), q.breakdownRate(),
                u.ivoPermit() == null ? null : u.ivoPermit().validTo(), u.isActive() && (p == null || p.isActive()));
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    private Provider findProvider(String id) {
        return register.provider(new ProviderId(id)).orElseThrow(() -> PlaceraException.notFound(
                RegisterProblemCodes.PROVIDER_NOT_FOUND, "There is no provider '" + id + "'."));
    }

    private Unit findUnit(String id) {
        return register.unit(new UnitId(id)).orElseThrow(() -> PlaceraException.notFound(
                RegisterProblemCodes.UNIT_NOT_FOUND, "There is no unit '" + id + "'."));
    }
}
