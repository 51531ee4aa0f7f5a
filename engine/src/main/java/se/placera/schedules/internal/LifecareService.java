package se.placera.schedules.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.placera.metadata.Definition;
import se.placera.metadata.Metadata;
import se.placera.placements.CaseClocks;
import se.placera.placements.CaseClocks.ClockCase;
import se.placera.placements.ClientIdentities;
import se.placera.placements.PersonalIdentityNumber;
import se.placera.schedules.LifecareInterventions;
import se.placera.schedules.Occurrences;
import se.placera.schedules.Schedule;
import se.placera.security.AccessLevel;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishTime;

/** The Lifecare import (IN-1) and the coverage report; see docs/integrations/lifecare.md. */
@Service
class LifecareService implements LifecareInterventions {

    static final int MAX_ROWS = 10_000;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** The columns: JSON field names, which are also the pointers' last segment. */
    static final List<String> COLUMNS = List.of("personnummer", "insatskod", "lagrum", "malgrupp", "beslutsdatum",
            "startdatum", "slutdatum", "handlaggare", "forvaltning");
    static final Set<String> OPTIONAL = Set.of("malgrupp", "slutdatum");
    /** The CSV headers as Lifecare writes them (Swedish, with å/ä/ö), to the column names. */
    static final Map<String, String> HEADERS = Map.of("personnummer", "personnummer", "insatskod", "insatskod",
            "lagrum", "lagrum", "målgrupp", "malgrupp", "beslutsdatum", "beslutsdatum", "startdatum", "startdatum",
            "slutdatum", "slutdatum", "handläggare", "handlaggare", "förvaltning", "forvaltning");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{1,100}$");
    private static final int MAX_OCCURRENCES = 24;

    private final MongoTemplate mongo;
    private final ClientIdentities identities;
    private final CurrentUsers users;
    private final Metadata metadata;
    private final ScheduleRegistry schedules;
    private final ClockService clockService;
    private final CaseClocks cases;
    private final Outbox outbox;
    private final LifecareIntervention.LifecareOutbox source;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    LifecareService(MongoTemplate mongo, ClientIdentities identities, CurrentUsers users, Metadata metadata,
            ScheduleRegistry schedules, ClockService clockService, CaseClocks cases, Outbox outbox,
            LifecareIntervention.LifecareOutbox source, ApplicationEventPublisher events, java.time.Clock clock) {
        this.mongo = mongo;
        this.identities = identities;
        this.users = users;
        this.metadata = metadata;
        this.schedules = schedules;
        this.clockService = clockService;
        this.cases = cases;
        this.outbox = outbox;
        this.source = source;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- import

    @Override
    public LifecareImportReport importFile(String contentType, byte[] content, String modeName) {
        CurrentUser user = users.current();
        if (!user.can(PlaceraModule.PLACEMENT, AccessLevel.WRITE) && !user.can(PlaceraModule.FOLLOW_UP, AccessLevel.WRITE)) {
            events.publishEvent(Audited.denied("lifecare.import", "intervention", null, "LIFECARE_FORBIDDEN"));
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, "LIFECARE_FORBIDDEN",
                    "Importing from Lifecare needs placement or follow-up write rights.");
        }
        Mode mode = Mode.of(modeName);
        if (mode == null) {
            throw PlaceraException.invalid("LIFECARE_IMPORT_INVALID", "Unknown mode.",
                    List.of(new Problem("/mode", "lifecare.mode", "mode is all-or-nothing or valid-rows")));
        }
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw PlaceraException.invalid("LIFECARE_IMPORT_INVALID", "The file is empty or too large.",
                    List.of(new Problem("", "lifecare.size", "Between 1 byte and 5 MB.")));
        }
        List<Map<String, String>> rows = parse(contentType, content);
        LocalDate today = SwedishTime.today(clock);
        List<LifecareRowProblem> problems = new ArrayList<>();
        List<LifecareIntervention> valid = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Map<String, Set<String>> codelists = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            LifecareIntervention row = validate(i, rows.get(i), user, today, codelists, problems);
            if (row != null && !keys.add(row.id)) {
                problems.add(problem(i, null, "lifecare.duplicate-row",
                        "The same intervention (client, code, decision date, start) is on an earlier row."));
                row = null;
            }
            if (row != null) {
                valid.add(row);
            }
        }
        Set<Integer> badRows = new HashSet<>();
        problems.forEach(p -> badRows.add(p.row()));
        if (mode == Mode.ALL_OR_NOTHING && !problems.isEmpty()) {
            List<Problem> list = problems.stream().map(p -> new Problem(p.pointer(), p.code(), p.detail(),
                    Map.of("row", p.row(), "column", p.column() == null ? "" : p.column()))).toList();
            throw PlaceraException.invalid("LIFECARE_IMPORT_INVALID",
                    badRows.size() + " of " + rows.size() + " rows are invalid; nothing was imported.", list);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (LifecareIntervention row : valid) {
            LifecareIntervention existing = mongo.findById(row.id, LifecareIntervention.class);
            if (existing != null && existing.sameFacts(row)) {
                unchanged++;
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("interventionCode", row.interventionCode);
            details.put("start", String.valueOf(row.start));
            details.put("caseworker", row.caseworker);
            details.put("source", "lifecare");
            long revision = existing == null ? 0 : existing.revision + 1;
            row.importedAt = clock.instant();
            row.importedBy = user.username();
            row.pending = new ArrayList<>(existing == null || existing.pending == null ? List.of() : existing.pending);
            row.pending.add(new PendingAudit(PendingAudit.idOf(row.id, revision), row.importedAt, user.username(),
                    user.administrationId(), new Audited(existing == null ? "lifecare.intervention.create"
                            : "lifecare.intervention.update", "intervention", row.id, row.administration, "success",
                            details)));
            if (existing != null) {
                row.revision = existing.revision;
                row.identityCipher = existing.identityCipher;
                updated++;
            } else {
                created++;
            }
            LifecareIntervention saved = mongo.save(row);
            outbox.deliver(source, saved);
        }
        return new LifecareImportReport(mode == Mode.ALL_OR_NOTHING ? "all-or-nothing" : "valid-rows", rows.size(),
                created, updated, unchanged, badRows.size(), problems);
    }

    private LifecareIntervention validate(int i, Map<String, String> r, CurrentUser user, LocalDate today,
            Map<String, Set<String>> codelists, List<LifecareRowProblem> problems) {
        int before = problems.size();
        for (String c : COLUMNS) {
            if (!OPTIONAL.contains(c) && blank(r.get(c))) {
                problems.add(problem(i, c, "required", "Required."));
            }
        }
        PersonalIdentityNumber pnr = null;
        if (!blank(r.get("personnummer"))) {
            try {
                pnr = PersonalIdentityNumber.parse(r.get("personnummer"), today);
            } catch (PersonalIdentityNumber.InvalidException e) {
                problems.add(problem(i, "personnummer", e.defect().code(), e.getMessage()));
            }
        }
        code(i, r, "insatskod", "placeringsformer", codelists, problems);
        code(i, r, "lagrum", "lagrum", codelists, problems);
        code(i, r, "malgrupp", "malgrupper", codelists, problems);
        LocalDate decision = date(i, r, "beslutsdatum", problems);
        LocalDate start = date(i, r, "startdatum", problems);
        LocalDate end = date(i, r, "slutdatum", problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(problem(i, "slutdatum", "lifecare.end-before-start", "The end is before the start."));
        }
        String caseworker = strip(r.get("handlaggare"));
        if (caseworker != null && !USERNAME.matcher(caseworker).matches()) {
            problems.add(problem(i, "handlaggare", "lifecare.username", "Not a user name."));
        }
        String administration = strip(r.get("forvaltning"));
        // an administration the user cannot see is reported like one that does not exist (no existence leak)
        if (administration != null && user.grantedAdministrations().stream()
                .noneMatch(a -> a.id().equals(administration))) {
            problems.add(problem(i, "forvaltning", "lifecare.unknown-administration",
                    "No administration with this id that you may import into."));
        }
        if (problems.size() > before) {
            return null;
        }
        LifecareIntervention row = new LifecareIntervention();
        row.administration = administration;
        row.identityHash = identities.lookupHash(pnr);
        row.identityCipher = identities.seal(pnr);
        row.masked = pnr.masked();
        row.birthDate = pnr.birthDate();
        row.interventionCode = strip(r.get("insatskod"));
        row.legalBasis = strip(r.get("lagrum"));
        String group = strip(r.get("malgrupp"));
        row.targetGroup = group != null ? group : pnr.ageOn(start) < 18 ? "barn-unga" : null;
        row.decisionDate = decision;
        row.start = start;
        row.end = end;
        row.caseworker = caseworker;
        row.id = key(administration, row.identityHash, row.interventionCode, decision, start);
        return row;
    }

    /** The stable key of an intervention: what identifies it in Lifecare even when its end or caseworker change. */
    static String key(String administration, String identityHash, String code, LocalDate decision, LocalDate start) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(String.join("|", administration, identityHash,
                    code, decision.toString(), start.toString()).getBytes(StandardCharsets.UTF_8));
            return "lc-" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void code(int i, Map<String, String> r, String column, String codelist, Map<String, Set<String>> cache,
            List<LifecareRowProblem> problems) {
        String v = strip(r.get(column));
        if (v == null) {
            return;
        }
        Set<String> values = cache.computeIfAbsent(codelist, id -> {
            Set<String> s = new HashSet<>();
            metadata.latestPublished("codelist", id).map(Definition::content)
                    .ifPresent(c -> c.path("items").forEach(item -> s.add(item.path("value").asString())));
            return s;
        });
        if (!values.contains(v)) {
            problems.add(problem(i, column, "lifecare.unknown-code", "Not a value of the codelist " + codelist + "."));
        }
    }

    private static LocalDate date(int i, Map<String, String> r, String column, List<LifecareRowProblem> problems) {
        String v = strip(r.get(column));
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(problem(i, column, "lifecare.date", "Not a date YYYY-MM-DD."));
            return null;
        }
    }

    private static LifecareRowProblem problem(int row, String column, String code, String detail) {
        return new LifecareRowProblem(column == null ? Problem.pointer("rows", String.valueOf(row))
                : Problem.pointer("rows", String.valueOf(row), column), row, column, code, detail);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    // ---------------------------------------------------------------- parsing

    List<Map<String, String>> parse(String contentType, byte[] content) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Map<String, String>> rows = type.contains("json") ? parseJson(text) : parseCsv(text);
        if (rows.size() > MAX_ROWS) {
            throw PlaceraException.invalid("LIFECARE_IMPORT_INVALID", "Too many rows.",
                    List.of(new Problem("/rows", "lifecare.too-many-rows", "At most " + MAX_ROWS + " rows.")));
        }
        return rows;
    }

    private List<Map<String, String>> parseJson(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (RuntimeException e) {
            throw PlaceraException.invalid("LIFECARE_IMPORT_INVALID", "Not JSON.",
                    List.of(new Problem("", "lifecare.json", "The body is not JSON.")));
        }
        if (root == null || !root.path("rows").isArray()) {
            throw PlaceraException.invalid("LIFECARE_IMPORT_INVALID", "No rows.",
                    List.of(new Problem("/rows", "required", "An object with an array rows.")));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode n : root.path("rows")) {
            Map<String, String> r = new HashMap<>();
            for (String c : COLUMNS) {
                JsonNode v = n.get(c);
                if (v != null && !v.isNull()) {
                    r.put(c, v.isString() ? v.asString() : v.toString());
                }
            }
            rows.add(r);
        }
        return rows;
    }

    private static List<Map<String, String>> parseCsv(String text) {
        List<List<String>> lines = csv(text);
        if (lines.isEmpty()) {
            throw PlaceraException.invalid("LIFECARE_IMPORT_INVALID", "No header.",
                    List.of(new Problem("/columns", "required", "The first line names the columns.")));
        }
        List<String> header = new ArrayList<>();
        for (String h : lines.getFirst()) {
            String name = h.strip().toLowerCase(Locale.ROOT);
            header.add(HEADERS.getOrDefault(name, COLUMNS.contains(name) ? name : null));
        }
        List<Problem> missing = new ArrayList<>();
        for (String c : COLUMNS) {
            if (!OPTIONAL.contains(c) && !header.contains(c)) {
                missing.add(new Problem(Problem.pointer("columns", c), "lifecare.missing-column",
                        "The header has no column " + c + "."));
            }
        }
        if (!missing.isEmpty()) {
            throw PlaceraException.invalid("LIFECARE_IMPORT_INVALID", "Columns are missing.", missing);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            if (line.size() == 1 && line.getFirst().isBlank()) {
                continue;
            }
            Map<String, String> r = new HashMap<>();
            for (int j = 0; j < header.size() && j < line.size(); j++) {
                if (header.get(j) != null) {
                    r.put(header.get(j), line.get(j));
                }
            }
            rows.add(r);
        }
        return rows;
    }

    /** Semicolon-separated lines; a field in double quotes may hold semicolons, line breaks and doubled quotes. */
    static List<List<String>> csv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ';') {
                line.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !line.isEmpty()) {
            line.add(field.toString());
            lines.add(line);
        }
        return lines;
    }

    // ---------------------------------------------------------------- coverage

    @Override
    public LifecareCoverage coverage() {
        CurrentUser user = users.current();
        if (!user.can(PlaceraModule.PLACEMENT, AccessLevel.READ) && !user.can(PlaceraModule.FOLLOW_UP, AccessLevel.READ)) {
            events.publishEvent(Audited.denied("lifecare.coverage.read", "report", null, "LIFECARE_FORBIDDEN"));
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, "LIFECARE_FORBIDDEN",
                    "The coverage report needs placement or follow-up read rights.");
        }
        LocalDate today = SwedishTime.today(clock);
        List<Schedule> evaluations = schedules.inForce().stream()
                .filter(s -> "method".equals(s.completion()) && s.anchor() == Schedule.Anchor.PLACEMENT_START).toList();
        Map<String, List<LifecareFollowUp>> byCaseworker = new TreeMap<>();
        Map<String, List<ClockCase>> casesOfClient = new HashMap<>();
        for (LifecareIntervention iv : mongo.findAll(LifecareIntervention.class)) {
            if (!user.canSee(iv.administration) || iv.start == null || iv.start.isAfter(today)) {
                continue;
            }
            Map<String, Object> facts = new HashMap<>();
            if (iv.targetGroup != null) {
                facts.put("targetGroup", iv.targetGroup);
            }
            facts.put("placementForm", iv.interventionCode);
            facts.put("legalBasis", iv.legalBasis);
            facts.put("placementStart", iv.start.toString());
            facts.put("placementStarted", true);
            LocalDate until = iv.end != null && iv.end.isBefore(today) ? iv.end : today;
            List<ClockCase> clientCases = casesOfClient.computeIfAbsent(iv.identityHash + "|" + iv.administration,
                    k -> identities.caseIdsByHash(iv.identityHash).stream().map(cases::find)
                            .flatMap(java.util.Optional::stream)
                            .filter(c -> iv.administration.equals(c.administration())).toList());
            for (Schedule s : evaluations) {
                if (!clockService.applies(s, facts)) {
                    continue;
                }
                for (Occurrences.Occurrence o : Occurrences.upTo(iv.start, s, until, false, MAX_OCCURRENCES)) {
                    String coveredBy = null;
                    for (ClockCase c : clientCases) {
                        boolean done = c.tasks().stream().anyMatch(t -> s.id().equals(t.schedule())
                                && Integer.valueOf(o.index()).equals(t.occurrence()) && "done".equals(t.status()));
                        if (done) {
                            coveredBy = "case-task:" + c.id();
                            break;
                        }
                    }
                    byCaseworker.computeIfAbsent(iv.caseworker, k -> new ArrayList<>()).add(new LifecareFollowUp(
                            iv.id, iv.masked, iv.interventionCode, iv.legalBasis, iv.targetGroup, iv.start, s.id(),
                            o.index(), o.due(), coveredBy != null, coveredBy));
                }
            }
        }
        List<LifecareCaseworkerCoverage> list = new ArrayList<>();
        int due = 0;
        int covered = 0;
        for (Map.Entry<String, List<LifecareFollowUp>> e : byCaseworker.entrySet()) {
            List<LifecareFollowUp> f = e.getValue().stream()
                    .sorted(java.util.Comparator.comparing(LifecareFollowUp::due)).toList();
            int c = (int) f.stream().filter(LifecareFollowUp::covered).count();
            list.add(new LifecareCaseworkerCoverage(e.getKey(), f.size(), c, f));
            due += f.size();
            covered += c;
        }
        events.publishEvent(new Audited("lifecare.coverage.read", "report", "lifecare-coverage", null, "success",
                Map.of("due", due, "covered", covered)));
        return new LifecareCoverage(today, due, covered, list);
    }
}
