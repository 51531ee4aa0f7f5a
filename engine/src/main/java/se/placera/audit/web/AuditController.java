package se.placera.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.placera.audit.internal.AuditEntry;
import se.placera.audit.internal.AuditLog;
import se.placera.audit.internal.UsageReport;
import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishTime;

/** The audit log (search, verification) and the usage report; administration console, ADMIN only. */
@RestController
@Tag(name = "Audit", description = "Audit log (PA-11) and usage report (US-6)")
class AuditController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AuditLog log;
    private final UsageReport usage;
    private final ApplicationEventPublisher events;

    AuditController(AuditLog log, UsageReport usage, ApplicationEventPublisher events) {
        this.log = log;
        this.usage = usage;
        this.events = events;
    }

    /** The response header with the number of entries matching a search, over all pages. */
    static final String TOTAL_COUNT = "X-Total-Count";

    @GetMapping("/api/audit")
    @Operation(summary = "Search the audit log by subject, user, event type (trailing * = prefix), administration, period; newest first",
            description = "The body is one page of entries (page from 0, size 1–1000); the header X-Total-Count holds "
                    + "how many entries match in all, so that a client can page without changing the body's shape.")
    @ApiResponse(responseCode = "200", description = "One page of matching entries, newest first",
            headers = @Header(name = TOTAL_COUNT, description = "Entries matching the search, over all pages",
                    schema = @Schema(type = "integer", format = "int64")))
    ResponseEntity<List<AuditEntry>> search(@RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String administration,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        var found = log.search(new AuditLog.Search(subjectType, subjectId, actor, action, administration,
                start(from, "from"), end(to, "to"), page, size));
        events.publishEvent(new Audited("audit.search", "audit", null, null, "success",
                Map.of("results", found.entries().size())));
        return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(found.total())).body(found.entries());
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Verify the hash chain; reports the first broken link")
    AuditLog.Verification verify() {
        return log.verify();
    }

    @GetMapping("/api/usage")
    @Operation(summary = "Usage per user in a period: logins per login method, answers per method (US-6)")
    UsageReport.Report usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return usage.report(start(from, "from"), end(to, "to"));
    }

    @GetMapping("/api/usage/export")
    @Operation(summary = "The usage report as an Excel workbook")
    ResponseEntity<byte[]> usageXlsx(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        var report = usage.report(start(from, "from"), end(to, "to"));
        byte[] bytes = usage.xlsx(report);
        events.publishEvent(new Audited("usage.export", "report", "usage", null, "success",
                Map.of("from", String.valueOf(from), "to", String.valueOf(to), "format", "xlsx")));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("placera-anvandning.xlsx").build().toString())
                .body(bytes);
    }

    /** A date (whole day, Swedish time) or an instant. */
    static Instant start(String s, String name) {
        return parse(s, name, false);
    }

    static Instant end(String s, String name) {
        return parse(s, name, true);
    }

    private static Instant parse(String s, String name, boolean endOfDay) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(SwedishTime.ZONE).toInstant();
            }
            return Instant.parse(s);
        } catch (RuntimeException e) {
            throw PlaceraException.invalid("INVALID_PERIOD", "Give dates as YYYY-MM-DD or instants (ISO 8601).",
                    List.of(new Problem("/" + name, "invalid", "Not a date or instant: " + s)));
        }
    }
}
