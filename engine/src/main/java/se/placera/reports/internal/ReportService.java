package se.placera.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import se.placera.documents.ReportDocuments;
import se.placera.metadata.Definition;
import se.placera.metadata.DefinitionStatus;
import se.placera.metadata.Metadata;
import se.placera.reports.ReportProblemCodes;
import se.placera.reports.ReportResult;
import se.placera.reports.Reports;
import se.placera.reports.ReportsProperties;
import se.placera.security.AccessLevel;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * Runs published reports for the current user: REPORTS READ, and only the responses of the administrations the
 * user may see (GD-1, through {@link AccessScope}). Every run is audited with the report and its filters.
 */
@Service
@EnableConfigurationProperties(ReportsProperties.class)
class ReportService implements Reports {

    private final Metadata metadata;
    private final ReportRunner runner;
    private final ReportFacts facts;
    private final ReportLabels labels;
    private final CurrentUsers users;
    private final AccessScope scope;
    private final ReportsProperties properties;
    private final ApplicationEventPublisher events;
    private final ReportDocuments documents;

    ReportService(Metadata metadata, ReportRunner runner, ReportFacts facts, ReportLabels labels, CurrentUsers users,
            AccessScope scope, ReportsProperties properties, ApplicationEventPublisher events,
            ReportDocuments documents) {
        this.documents = documents;
        this.metadata = metadata;
        this.runner = runner;
        this.facts = facts;
        this.labels = labels;
        this.users = users;
        this.scope = scope;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public List<Summary> list() {
        require();
        List<Summary> out = new ArrayList<>();
        for (Definition d : metadata.list(ReportKind.KIND)) {
            metadata.latestPublished(ReportKind.KIND, d.id()).ifPresent(p -> out.add(new Summary(p.id(), p.version(),
                    p.content().path("title").asString(), p.content().path("description").asString(null))));
        }
        out.sort(java.util.Comparator.comparing(Summary::title, se.placera.shared.SwedishOrder.NAMES));
        return out;
    }

    @Override
    public ReportResult run(String id, LocalDate from, LocalDate to) {
        return run(id, from, to, true);
    }

    /** {@code suppress} false only for the benchmark of what suppression costs. */
    ReportResult run(String id, LocalDate from, LocalDate to, boolean suppress) {
        CurrentUser user = require();
        if (from != null && to != null && from.isAfter(to)) {
            throw PlaceraException.invalid(ReportProblemCodes.INVALID_FILTER, "from is after to.",
                    List.of(new Problem("/from", "range", "The first day must not be after the last.")));
        }
        Definition d = metadata.latestPublished(ReportKind.KIND, id).filter(x -> x.status() == DefinitionStatus.PUBLISHED)
                .orElseThrow(() -> PlaceraException.notFound(ReportProblemCodes.NOT_FOUND, "No published report " + id));
        ReportDefinition def = ReportDefinition.of(d.content(), d.version());
        for (String m : def.dataSet().methods()) {
            metadata.latestPublished("method", m).ifPresent(md -> labels.learn(MethodQuestions.of(md.content())));
        }
        ReportResult result = runner.run(def, new ReportRunner.Scope(scope.visibleAdministrations(), from, to,
                properties.minCellSize(), suppress));
        events.publishEvent(new Audited("report.run", "report", id, user.administrationId(), "success",
                Map.of("version", d.version(), "from", String.valueOf(from), "to", String.valueOf(to))));
        return result;
    }

    @Override
    public byte[] excel(String id, LocalDate from, LocalDate to) {
        return documents.workbook(ReportExport.of(run(id, from, to)));
    }

    @Override
    public byte[] pdf(String id, LocalDate from, LocalDate to) {
        return documents.pdf(ReportExport.of(run(id, from, to)));
    }

    private CurrentUser require() {
        CurrentUser user = users.current();
        if (!user.can(PlaceraModule.REPORTS, AccessLevel.READ)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, "REPORT_FORBIDDEN",
                    "You do not have the report rights (REPORTS READ) this needs.");
        }
        return user;
    }
}
