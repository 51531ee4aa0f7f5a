package se.placera.agreements.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import se.placera.agreements.AgreedPrices;
import se.placera.agreements.AgreementProblemCodes;
import se.placera.agreements.Agreements;
import se.placera.agreements.SigningProvider;
import se.placera.documents.PdfSignatures;
import se.placera.documents.ArchivalDocuments;
import se.placera.documents.ArchivalDocuments.TemplateFailure;
import se.placera.forms.rules.CompiledRule;
import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleContext;
import se.placera.forms.rules.RuleException;
import se.placera.forms.rules.RuleResultType;
import se.placera.metadata.Definition;
import se.placera.metadata.Metadata;
import se.placera.placements.PlacementCases;
import se.placera.placements.PlacementCases.CaseView;
import se.placera.providers.FrameworkAgreement;
import se.placera.providers.Provider;
import se.placera.providers.ProviderId;
import se.placera.providers.Register;
import se.placera.providers.Unit;
import se.placera.providers.UnitId;
import se.placera.security.AccessLevel;
import se.placera.security.AccessScope;
import se.placera.security.CurrentUser;
import se.placera.security.CurrentUsers;
import se.placera.security.PlaceraModule;
import se.placera.shared.Audited;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;
import se.placera.shared.SwedishTime;
import se.placera.shared.Versions;

/**
 * Agreements from decided placements. Access follows the case: every operation first reads the case through
 * {@link PlacementCases} (404 for a case the user may not see, audited there), then the agreement within the
 * user's administrations. Writes are single-document and carry their audit entry (outbox).
 */
@Service
class AgreementService implements Agreements, AgreedPrices {

    static final String MAIN = "huvudavtal";
    static final String SUPPLEMENT = "tillaggsavtal";
    static final String DRAFT = "utkast";
    static final String SIGNING = "signeras";
    static final String SIGNED = "signerat";

    private final MongoTemplate mongo;
    private final PlacementCases cases;
    private final Register register;
    private final Metadata metadata;
    private final RuleCompiler rules;
    private final ArchivalDocuments documents;
    private final CurrentUsers users;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;
    private final PlacementAgreementOutbox agreementOutbox;
    private final Clock clock;
    private final Map<String, Optional<CompiledRule>> conditions = new ConcurrentHashMap<>();
    private final PdfSignatures signatures;
    private final Map<String, SigningProvider> signingProviders = new LinkedHashMap<>();

    AgreementService(MongoTemplate mongo, PlacementCases cases, Register register, Metadata metadata,
            RuleCompiler rules, ArchivalDocuments documents, CurrentUsers users, AccessScope scope,
            ApplicationEventPublisher events, Outbox outbox, PlacementAgreementOutbox agreementOutbox, Clock clock,
            PdfSignatures signatures, List<SigningProvider> signingProviders) {
        this.signatures = signatures;
        signingProviders.forEach(p -> this.signingProviders.put(p.id(), p));
        this.mongo = mongo;
        this.cases = cases;
        this.register = register;
        this.metadata = metadata;
        this.rules = rules;
        this.documents = documents;
        this.users = users;
        this.scope = scope;
        this.events = events;
        this.outbox = outbox;
        this.agreementOutbox = agreementOutbox;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- create

    @Override
    public AgreementView create(String caseId, NewAgreement request) {
        CurrentUser user = require(AccessLevel.WRITE);
        CaseView c = cases.get(caseId);
        if (c.placement() == null) {
            throw PlaceraException.conflict(AgreementProblemCodes.NO_PLACEMENT,
                    "The case has no decided placement (unit, price per day, start date) yet.");
        }
        if (mongo.exists(scope.restrict(Query.query(Criteria.where("caseId").is(c.id()).and("kind").is(MAIN)),
                "administration"), AgreementDocument.class)) {
            throw PlaceraException.conflict(AgreementProblemCodes.EXISTS, "The case has an agreement already; "
                    + "a change is a tilläggsavtal.");
        }
        Map<String, Object> flat = fields(c, user);
        AgreementTemplate template = choose(MAIN, subject(c, flat));
        AgreementDocument a = newAgreement(c, template, MAIN, user);
        a.pricePerDay = c.placement().pricePerDay() == null ? null : c.placement().pricePerDay().longValue();
        a.validFrom = c.placement().startDate();
        flat.put("agreement.title", template.title());
        flat.put("agreement.number", a.number);
        fill(a, template, flat, request == null ? null : request.freeText());
        return view(write(a, "agreement.create", Map.of("case", c.id(), "template", template.id(),
                "templateVersion", template.version()), true));
    }

    @Override
    public AgreementView supplement(String agreementId, NewSupplement request) {
        CurrentUser user = require(AccessLevel.WRITE);
        AgreementDocument main = load(agreementId, "agreement.supplement");
        if (!MAIN.equals(main.kind) || !SIGNED.equals(main.status)) {
            throw PlaceraException.conflict(AgreementProblemCodes.LOCKED,
                    "A tilläggsavtal is made to a signed main agreement.");
        }
        List<Problem> problems = new ArrayList<>();
        if (request == null || request.pricePerDay() == null || request.pricePerDay() < 0
                || request.pricePerDay() > 1_000_000) {
            problems.add(new Problem("/pricePerDay", "required", "Ange den nya dygnsavgiften i kronor."));
        }
        if (request == null || request.validFrom() == null) {
            problems.add(new Problem("/validFrom", "required", "Ange från vilket datum ändringen gäller."));
        } else if (main.validFrom != null && !request.validFrom().isAfter(main.validFrom)) {
            problems.add(new Problem("/validFrom", "agreement.before-start",
                    "Ändringen måste gälla efter avtalets startdatum " + main.validFrom + "."));
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(AgreementProblemCodes.INVALID, "The supplement has errors.", problems);
        }
        Versions.check(request.revision(), main.revision, "/revision", AgreementProblemCodes.CHANGED);
        CaseView c = cases.get(main.caseId);
        Map<String, Object> flat = fields(c, user);
        flat.put("main.number", main.number);
        flat.put("main.date", SwedishTime.dateOf(main.createdAt).toString());
        flat.put("main.pricePerDay", on(main.caseId, request.validFrom().minusDays(1)).orElse(main.pricePerDay));
        flat.put("change.pricePerDay", request.pricePerDay());
        flat.put("change.validFrom", request.validFrom().toString());
        AgreementTemplate template = choose(SUPPLEMENT, subject(c, flat));
        AgreementDocument a = newAgreement(c, template, SUPPLEMENT, user);
        a.mainAgreementId = main.id;
        a.unitId = main.unitId;
        a.providerId = main.providerId;
        a.pricePerDay = request.pricePerDay();
        a.validFrom = request.validFrom();
        flat.put("agreement.title", template.title());
        flat.put("agreement.number", a.number);
        fill(a, template, flat, request.freeText());
        return view(write(a, "agreement.supplement", Map.of("case", c.id(), "main", main.id, "template",
                template.id(), "pricePerDay", request.pricePerDay(), "validFrom", request.validFrom().toString()),
                true));
    }

    private AgreementDocument newAgreement(CaseView c, AgreementTemplate template, String kind, CurrentUser user) {
        Instant now = clock.instant();
        AgreementDocument a = new AgreementDocument();
        a.id = UUID.randomUUID().toString();
        a.administration = c.administration();
        a.caseId = c.id();
        a.kind = kind;
        a.number = "AVT-" + SwedishTime.today(clock).getYear() + "-" + a.id.substring(0, 8).toUpperCase();
        a.templateId = template.id();
        a.templateVersion = template.version();
        a.title = template.title();
        a.agreementType = template.agreementType();
        a.status = DRAFT;
        a.unitId = c.placement().unitId();
        a.providerId = c.placement().providerId();
        a.createdAt = now;
        a.createdBy = user.username();
        a.updatedAt = now;
        history(a, user, kind.equals(MAIN) ? "skapat" : "tilläggsavtal skapat",
                "Mall " + template.id() + " version " + template.version());
        return a;
    }

    /** Stores the template's fields and the free text, and renders once: nothing is stored if it cannot render. */
    private void fill(AgreementDocument a, AgreementTemplate template, Map<String, Object> flat,
            Map<String, String> given) {
        Map<String, String> free = freeText(template, null, given);
        Map<String, Object> model = TemplateFields.model(flat, template.fields(), Map.of());
        model.remove(TemplateFields.FREE);
        model.forEach((group, values) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>) values;
            a.model.put(group, new LinkedHashMap<>(v));
        });
        a.freeText = free;
        render(a, template);
    }

    // ---------------------------------------------------------------- read and edit

    @Override
    public List<AgreementView> forCase(String caseId) {
        require(AccessLevel.READ);
        CaseView c = cases.get(caseId);
        List<AgreementView> list = mongo.find(scope.restrict(Query.query(Criteria.where("caseId").is(c.id())),
                "administration").with(Sort.by("createdAt")), AgreementDocument.class).stream().map(this::view)
                .toList();
        events.publishEvent(new Audited("agreement.list", "case", c.id(), c.administration(), "success",
                Map.of("count", list.size())));
        return list;
    }

    @Override
    public AgreementView get(String agreementId) {
        require(AccessLevel.READ);
        AgreementDocument a = load(agreementId, "agreement.read");
        events.publishEvent(Audited.success("agreement.read", "agreement", a.id, a.administration));
        return view(a);
    }

    @Override
    public AgreementView edit(String agreementId, Edit edit) {
        CurrentUser user = require(AccessLevel.WRITE);
        AgreementDocument a = load(agreementId, "agreement.edit");
        Versions.check(edit == null ? null : edit.revision(), a.revision, "/revision", AgreementProblemCodes.CHANGED);
        if (!DRAFT.equals(a.status)) {
            throw PlaceraException.conflict(AgreementProblemCodes.LOCKED, "The agreement is being signed or signed; "
                    + "a change is a tilläggsavtal.");
        }
        AgreementTemplate template = template(a);
        a.freeText = freeText(template, a.freeText, edit.freeText());
        render(a, template);
        a.updatedAt = clock.instant();
        history(a, user, "ändrat", "Fritext: " + String.join(", ", edit.freeText() == null ? List.of()
                : edit.freeText().keySet()));
        return view(write(a, "agreement.edit", Map.of("parts", edit.freeText() == null ? List.of()
                : List.copyOf(edit.freeText().keySet())), false));
    }

    @Override
    public String preview(String agreementId) {
        require(AccessLevel.READ);
        AgreementDocument a = load(agreementId, "agreement.preview");
        events.publishEvent(Audited.success("agreement.preview", "agreement", a.id, a.administration));
        return render(a, template(a));
    }

    @Override
    public byte[] pdf(String agreementId) {
        require(AccessLevel.READ);
        AgreementDocument a = load(agreementId, "agreement.pdf");
        events.publishEvent(Audited.success("agreement.pdf", "agreement", a.id, a.administration));
        return a.pdf != null ? a.pdf : documents.pdfA(render(a, template(a)), a.title);
    }

    @Override
    public byte[] docx(String agreementId) {
        require(AccessLevel.READ);
        AgreementDocument a = load(agreementId, "agreement.docx");
        events.publishEvent(Audited.success("agreement.docx", "agreement", a.id, a.administration));
        return documents.docx(render(a, template(a)));
    }

    // ---------------------------------------------------------------- signing

    static final String KOMMUN = "kommun";
    static final String UTFORARE = "utforare";

    @Override
    public AgreementView sign(String agreementId, Sign request) {
        CurrentUser user = require(AccessLevel.WRITE);
        AgreementDocument a = load(agreementId, "agreement.sign");
        Versions.check(request == null ? null : request.revision(), a.revision, "/revision",
                AgreementProblemCodes.CHANGED);
        if (!KOMMUN.equals(nextSigner(a))) {
            throw PlaceraException.conflict(AgreementProblemCodes.SIGNING_ORDER, "The municipality has signed; "
                    + "the provider's signatory signs next.");
        }
        String organisation = a.model.getOrDefault("municipality", Map.of()).getOrDefault("name",
                user.municipality()) instanceof String s ? s : user.municipality();
        return startSigning(a, user, KOMMUN, user.firstName() + " " + user.lastName(), organisation,
                request.provider());
    }

    @Override
    public AgreementView continueSigning(String agreementId, String reference, Map<String, String> response) {
        CurrentUser user = users.current();
        AgreementDocument a = user.isProviderUser() ? loadForProvider(agreementId, user, "agreement.sign")
                : load(agreementId, "agreement.sign");
        if (!user.isProviderUser()) {
            require(AccessLevel.WRITE);
        }
        AgreementDocument.PendingSigning p = a.pendingSigning;
        if (p == null || !p.reference.equals(reference) || !p.signer.equals(user.username())) {
            throw PlaceraException.notFound(AgreementProblemCodes.NOT_FOUND, "There is no such signing under way.");
        }
        SigningProvider provider = provider(p.provider);
        SigningProvider.Step step = response == null ? provider.poll(reference) : provider.resume(reference, response);
        return finish(a, user, p.role, p.signerName, p.provider, step);
    }

    List<AgreementView> forProvider() {
        CurrentUser user = users.current();
        String providerId = users.requireProviderId();
        List<AgreementView> list = mongo.find(Query.query(Criteria.where("providerId").is(providerId)
                .and("status").in(SIGNING, SIGNED)).with(Sort.by("createdAt")), AgreementDocument.class).stream()
                .map(this::view).toList();
        events.publishEvent(new Audited("agreement.portal.list", "provider", providerId, null, "success",
                Map.of("count", list.size(), "user", user.username())));
        return list;
    }

    /** The provider user's view of an agreement: only their provider's, only once the municipality has signed. */
    AgreementDocument loadForProvider(String agreementId, CurrentUser user, String action) {
        String providerId = users.requireProviderId();
        AgreementDocument a = agreementId == null || agreementId.length() > 100 ? null
                : mongo.findOne(Query.query(Criteria.where("_id").is(agreementId).and("providerId").is(providerId)
                        .and("status").in(SIGNING, SIGNED)), AgreementDocument.class);
        if (a == null) {
            events.publishEvent(Audited.denied(action, "agreement", agreementId, AgreementProblemCodes.NOT_FOUND));
            throw PlaceraException.notFound(AgreementProblemCodes.NOT_FOUND, "There is no such agreement.");
        }
        return a;
    }

    AgreementView signAsProvider(String agreementId, Sign request) {
        CurrentUser user = users.current();
        AgreementDocument a = loadForProvider(agreementId, user, "agreement.sign");
        Versions.check(request == null ? null : request.revision(), a.revision, "/revision",
                AgreementProblemCodes.CHANGED);
        if (!UTFORARE.equals(nextSigner(a))) {
            throw PlaceraException.conflict(AgreementProblemCodes.SIGNING_ORDER, "The agreement is signed.");
        }
        String organisation = a.model.getOrDefault("provider", Map.of()).get("name") instanceof String s ? s
                : a.providerId;
        return startSigning(a, user, UTFORARE, user.firstName() + " " + user.lastName(), organisation,
                request.provider());
    }

    byte[] pdfForProvider(String agreementId) {
        CurrentUser user = users.current();
        AgreementDocument a = loadForProvider(agreementId, user, "agreement.pdf");
        events.publishEvent(new Audited("agreement.pdf", "agreement", a.id, a.administration, "success",
                Map.of("provider", a.providerId)));
        return a.pdf;
    }

    private AgreementView startSigning(AgreementDocument a, CurrentUser user, String role, String name,
            String organisation, String providerId) {
        if (a.pendingSigning != null && a.pendingSigning.role.equals(role)) {
            // an abandoned signing is simply started again
            a.pendingSigning = null;
        }
        SigningProvider provider = provider(providerId == null || providerId.isBlank() ? LocalSigningProvider.ID
                : providerId);
        if (a.pdf == null) {
            a.pdf = documents.pdfA(render(a, template(a)), a.title);
        }
        SigningProvider.Step step = provider.start(new SigningProvider.Request(a.id, a.pdf, user.username(),
                name.isBlank() ? user.username() : name, organisation, role, "Jag godkänner " + a.title + " "
                        + a.number + ".", "/app/avtal/" + a.id));
        return finish(a, user, role, name, provider.id(), step);
    }

    /** Records what the provider answered: a signature (validated), a signing under way, or a failure. */
    private AgreementView finish(AgreementDocument a, CurrentUser user, String role, String name, String provider,
            SigningProvider.Step step) {
        a.updatedAt = clock.instant();
        switch (step) {
            case SigningProvider.Signed signed -> {
                PdfSignatures.Validation validation = signatures.validate(signed.pdf());
                if (!validation.valid() || validation.signatures().size() != a.signatures.size() + 1) {
                    List<Problem> problems = validation.problems().stream()
                            .map(p -> new Problem("/pdf", "agreement.signature-invalid", p)).toList();
                    throw PlaceraException.invalid(AgreementProblemCodes.SIGNATURE_INVALID, "The signed PDF does "
                            + "not validate; the agreement stays as it was.", problems.isEmpty()
                                    ? List.of(new Problem("/pdf", "agreement.signature-count", "Expected "
                                            + (a.signatures.size() + 1) + " signatures."))
                                    : problems);
                }
                AgreementDocument.Signature s = new AgreementDocument.Signature();
                s.role = role;
                s.signedBy = user.username();
                s.name = name;
                s.at = clock.instant();
                s.provider = provider;
                s.indication = validation.signatures().get(validation.signatures().size() - 1).indication();
                s.validationReport = validation.report();
                a.signatures.add(s);
                a.pdf = signed.pdf();
                a.pendingSigning = null;
                a.status = a.signatures.size() >= 2 ? SIGNED : SIGNING;
                history(a, user, KOMMUN.equals(role) ? "signerat av kommunen" : "signerat av utföraren",
                        name + " (" + provider + ", " + s.indication + ")");
                return view(write(a, "agreement.sign", Map.of("role", role, "provider", provider,
                        "status", a.status), false));
            }
            case SigningProvider.Redirect r -> {
                a.pendingSigning = pending(provider, r.reference(), role, user, name, r.url().toString());
                history(a, user, "signering påbörjad", name + " (" + provider + ")");
                return view(write(a, "agreement.sign-start", Map.of("role", role, "provider", provider), false));
            }
            case SigningProvider.Pending p -> {
                a.pendingSigning = pending(provider, p.reference(), role, user, name, null);
                history(a, user, "signering påbörjad", name + " (" + provider + ")");
                return view(write(a, "agreement.sign-start", Map.of("role", role, "provider", provider), false));
            }
            case SigningProvider.Failed f -> {
                a.pendingSigning = null;
                history(a, user, "signering avbruten", f.reason());
                write(a, "agreement.sign-failed", Map.of("role", role, "provider", provider), false);
                throw PlaceraException.conflict(AgreementProblemCodes.SIGNING_FAILED, "The signing failed or was "
                        + "abandoned; the agreement is unsigned and can be signed again: " + f.reason());
            }
        }
    }

    private AgreementDocument.PendingSigning pending(String provider, String reference, String role,
            CurrentUser user, String name, String url) {
        AgreementDocument.PendingSigning p = new AgreementDocument.PendingSigning();
        p.provider = provider;
        p.reference = reference;
        p.role = role;
        p.signer = user.username();
        p.signerName = name;
        p.startedAt = clock.instant();
        p.redirectUrl = url;
        return p;
    }

    private SigningProvider provider(String id) {
        SigningProvider p = signingProviders.get(id);
        if (p == null) {
            throw PlaceraException.invalid(AgreementProblemCodes.INVALID, "There is no signing provider '"
                    + bounded(id) + "'.", List.of(new Problem("/provider", "agreement.unknown-provider",
                            "Known: " + signingProviders.keySet())));
        }
        return p;
    }

    // ---------------------------------------------------------------- agreed prices

    @Override
    public List<PricePeriod> periods(String caseId) {
        require(AccessLevel.READ);
        CaseView c = cases.get(caseId);
        List<AgreementDocument> signed = mongo.find(scope.restrict(Query.query(Criteria.where("caseId").is(c.id())
                .and("status").is(SIGNED)), "administration"), AgreementDocument.class).stream()
                .filter(a -> a.validFrom != null && a.pricePerDay != null)
                .sorted(Comparator.comparing((AgreementDocument a) -> a.validFrom).thenComparing(a -> a.createdAt))
                .toList();
        List<PricePeriod> periods = new ArrayList<>();
        for (int i = 0; i < signed.size(); i++) {
            AgreementDocument a = signed.get(i);
            LocalDate until = i + 1 < signed.size() ? signed.get(i + 1).validFrom.minusDays(1) : null;
            if (until != null && until.isBefore(a.validFrom)) {
                continue; // replaced from the same day by a later agreement
            }
            periods.add(new PricePeriod(a.validFrom, until, a.pricePerDay, a.id, a.number));
        }
        events.publishEvent(new Audited("agreement.prices", "case", c.id(), c.administration(), "success",
                Map.of("periods", periods.size())));
        return List.copyOf(periods);
    }

    @Override
    public Optional<Long> on(String caseId, LocalDate date) {
        return periods(caseId).stream().filter(p -> !date.isBefore(p.from())
                && (p.until() == null || !date.isAfter(p.until()))).map(PricePeriod::pricePerDay).findFirst();
    }

    // ---------------------------------------------------------------- templates

    /** The published template of the family that applies to the placement, the highest priority first. */
    AgreementTemplate choose(String family, Map<String, Object> subject) {
        RuleContext context = new RuleContext(null, null, subject, null);
        AgreementTemplate best = null;
        for (Definition d : metadata.list(AgreementTemplateKind.KIND)) {
            Optional<Definition> published = metadata.latestPublished(AgreementTemplateKind.KIND, d.id());
            if (published.isEmpty()) {
                continue;
            }
            AgreementTemplate t = AgreementTemplate.of(published.get().content(), published.get().version());
            if (!AgreementTemplate.family(t.agreementType()).equals(family.equals(MAIN) ? "huvudavtal" : SUPPLEMENT)) {
                continue;
            }
            boolean applies = t.appliesWhen() == null || condition(t).map(r -> r.evaluate(context).isTrue())
                    .orElse(false);
            if (applies && (best == null || t.priority() > best.priority())) {
                best = t;
            }
        }
        if (best == null) {
            throw PlaceraException.conflict(AgreementProblemCodes.NO_TEMPLATE, "No published agreement template ("
                    + family + ") applies to this placement " + subject + ".");
        }
        return best;
    }

    private Optional<CompiledRule> condition(AgreementTemplate t) {
        return conditions.computeIfAbsent(t.id() + "@" + t.version(), k -> {
            try {
                return Optional.of(rules.compile(t.appliesWhen(), RuleResultType.BOOL));
            } catch (RuleException e) {
                return Optional.empty();
            }
        });
    }

    /** The template version the agreement pinned. */
    AgreementTemplate template(AgreementDocument a) {
        Definition d = metadata.get(AgreementTemplateKind.KIND, a.templateId, a.templateVersion);
        return AgreementTemplate.of(d.content(), d.version());
    }

    /** Renders; a template that fails for this placement is reported with the field and the line. */
    String render(AgreementDocument a, AgreementTemplate template) {
        Map<String, Object> model = new LinkedHashMap<>();
        a.model.forEach((k, v) -> model.put(k, v));
        model.put(TemplateFields.FREE, a.freeText);
        try {
            return documents.render(template.id(), template.body(), model, a.title);
        } catch (TemplateFailure e) {
            var p = e.problem();
            throw PlaceraException.invalid(AgreementProblemCodes.TEMPLATE_FAILED, "The template " + template.id()
                    + " version " + template.version() + " cannot be rendered for this placement; nothing was "
                    + "stored.", List.of(new Problem("/template", "agreement.template-render",
                            (p.field() != null ? "Field '" + p.field() + "' has no value (line " + p.line() + "). "
                                    : "") + p.message())));
        }
    }

    /** The free text after a change: only the template's free-text parts, within their lengths. */
    private static Map<String, String> freeText(AgreementTemplate template, Map<String, String> current,
            Map<String, String> given) {
        Map<String, String> result = new LinkedHashMap<>();
        for (AgreementTemplate.FreeText f : template.freeText()) {
            result.put(f.id(), current != null && current.containsKey(f.id()) ? current.get(f.id()) : f.defaultText());
        }
        List<Problem> problems = new ArrayList<>();
        if (given != null) {
            given.forEach((id, text) -> {
                Optional<AgreementTemplate.FreeText> part = template.freeText().stream()
                        .filter(f -> f.id().equals(id)).findFirst();
                if (part.isEmpty()) {
                    problems.add(new Problem("/freeText/" + id, "agreement.fixed-clause", "'" + bounded(id)
                            + "' is not a free-text part of the template; the rest of the agreement is fixed."));
                } else if (text != null && text.length() > part.get().maxLength()) {
                    problems.add(new Problem("/freeText/" + id, "size", "At most " + part.get().maxLength()
                            + " characters."));
                } else {
                    result.put(id, text == null ? "" : text);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw PlaceraException.invalid(AgreementProblemCodes.INVALID, "The agreement has errors; nothing was "
                    + "stored.", problems);
        }
        return result;
    }

    // ---------------------------------------------------------------- the placement model

    /** Every field of the placement model that this case, its unit, provider and framework agreement give. */
    Map<String, Object> fields(CaseView c, CurrentUser user) {
        Map<String, Object> f = new HashMap<>();
        put(f, "municipality.name", user.municipality());
        String administration = user.grantedAdministrations().stream()
                .filter(a -> a.id().equals(c.administration())).map(CurrentUser.Administration::name).findFirst()
                .orElse(user.administration());
        put(f, "municipality.administration", administration);
        put(f, "case.id", c.id());
        put(f, "case.targetGroup", c.facts().get("targetGroup"));
        put(f, "case.placementForm", c.facts().get("placementForm"));
        put(f, "case.legalBasis", c.facts().get("legalBasis"));
        put(f, "case.responsible", c.responsible());
        if (c.client() != null) {
            put(f, "client.name", c.client().name() != null ? c.client().name() : c.client().masked());
            put(f, "client.masked", c.client().masked());
            put(f, "client.birthDate", c.client().birthDate());
        }
        var p = c.placement();
        put(f, "placement.unitName", p.unitName());
        put(f, "placement.providerName", p.providerName());
        put(f, "placement.pricePerDay", p.pricePerDay() == null ? null : p.pricePerDay().longValue());
        put(f, "placement.startDate", p.startDate());
        put(f, "placement.decidedBy", p.decidedBy());
        put(f, "placement.decidedAt", p.decidedAt() == null ? null : SwedishTime.dateOf(p.decidedAt()));
        put(f, "agreement.date", SwedishTime.today(clock));
        Optional<Unit> unit = p.unitId() == null ? Optional.empty() : register.unit(new UnitId(p.unitId()));
        unit.ifPresent(u -> {
            put(f, "unit.id", u.id());
            put(f, "unit.name", u.name());
            put(f, "unit.municipality", u.municipality());
            if (u.address() != null) {
                String street = u.address().street() == null ? "" : u.address().street();
                String city = ((u.address().postalCode() == null ? "" : u.address().postalCode() + " ")
                        + (u.address().city() == null ? "" : u.address().city())).strip();
                put(f, "unit.address", street.isEmpty() ? city : city.isEmpty() ? street : street + ", " + city);
            }
            put(f, "unit.noticePeriodDays", u.noticePeriodDays() == null ? null : u.noticePeriodDays().longValue());
            if (u.agreement() != null) {
                put(f, "unit.agreementType", u.agreement().type());
                String framework = u.agreement().frameworkAgreementId();
                if (framework != null) {
                    register.frameworkAgreements().stream().filter(fa -> framework.equals(fa.id())).findFirst()
                            .ifPresent(fa -> framework(f, fa));
                }
            }
        });
        if (!f.containsKey("unit.name")) {
            put(f, "unit.name", p.unitName());
        }
        Optional<Provider> provider = p.providerId() == null ? Optional.empty()
                : register.provider(new ProviderId(p.providerId()));
        provider.ifPresent(pr -> {
            put(f, "provider.name", pr.name());
            put(f, "provider.orgNumber", pr.orgNumber());
        });
        if (!f.containsKey("provider.name")) {
            put(f, "provider.name", p.providerName());
        }
        return f;
    }

    private static void framework(Map<String, Object> f, FrameworkAgreement fa) {
        put(f, "framework.id", fa.id());
        put(f, "framework.name", fa.name());
        put(f, "framework.validFrom", fa.validFrom());
        put(f, "framework.validTo", fa.validTo());
    }

    private static void put(Map<String, Object> f, String field, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            f.put(field, value instanceof LocalDate d ? d.toString() : value);
        }
    }

    /** What {@code appliesWhen} reads. */
    static Map<String, Object> subject(CaseView c, Map<String, Object> flat) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("targetGroup", c.facts().getOrDefault("targetGroup", ""));
        s.put("placementForm", c.facts().getOrDefault("placementForm", ""));
        s.put("legalBasis", c.facts().getOrDefault("legalBasis", ""));
        s.put("needs", c.facts().getOrDefault("needs", List.of()));
        s.put("unitAgreementType", flat.getOrDefault("unit.agreementType", ""));
        s.put("frameworkAgreementId", flat.getOrDefault("framework.id", ""));
        s.put("pricePerDay", flat.getOrDefault("placement.pricePerDay", 0L));
        return s;
    }

    // ---------------------------------------------------------------- storage

    CurrentUser require(AccessLevel level) {
        CurrentUser user = users.current();
        if (!user.can(PlaceraModule.PLACEMENT, level)) {
            throw new PlaceraException(PlaceraException.Kind.FORBIDDEN, AgreementProblemCodes.FORBIDDEN,
                    "You do not have the placement rights (PLACEMENT " + level + ") this needs.");
        }
        return user;
    }

    /**
     * The agreement if it is in the user's administrations and the user may see its case (checked by reading the
     * case); otherwise 404, audited as denied.
     */
    AgreementDocument load(String agreementId, String action) {
        AgreementDocument a = agreementId == null || agreementId.length() > 100 ? null : mongo.findOne(
                scope.restrict(Query.query(Criteria.where("_id").is(agreementId)), "administration"),
                AgreementDocument.class);
        if (a == null) {
            events.publishEvent(Audited.denied(action, "agreement", agreementId, AgreementProblemCodes.NOT_FOUND));
            throw PlaceraException.notFound(AgreementProblemCodes.NOT_FOUND, "There is no such agreement.");
        }
        try {
            cases.get(a.caseId);
        } catch (PlaceraException e) {
            events.publishEvent(Audited.denied(action, "agreement", agreementId, AgreementProblemCodes.NOT_FOUND));
            throw PlaceraException.notFound(AgreementProblemCodes.NOT_FOUND, "There is no such agreement.");
        }
        return a;
    }

    AgreementDocument write(AgreementDocument a, String action, Map<String, Object> details, boolean insert) {
        CurrentUser user = users.current();
        long revision = a.revision == null ? 0 : a.revision + 1;
        List<PendingAudit> pending = new ArrayList<>(a.pending == null ? List.of() : a.pending);
        pending.add(new PendingAudit(PendingAudit.idOf(a.id, revision), clock.instant(), user.username(),
                user.administrationId(), new Audited(action, "agreement", a.id, a.administration, "success",
                        details)));
        a.pending = pending;
        AgreementDocument saved;
        try {
            saved = insert ? mongo.insert(a) : mongo.save(a);
        } catch (OptimisticLockingFailureException e) {
            throw PlaceraException.conflict(AgreementProblemCodes.CHANGED,
                    "The agreement was changed by someone else at the same time. Reload it and try again.");
        }
        outbox.deliver(agreementOutbox, saved);
        return saved;
    }

    void history(AgreementDocument a, CurrentUser user, String action, String detail) {
        AgreementDocument.Change ch = new AgreementDocument.Change();
        ch.at = clock.instant();
        ch.by = user.username();
        ch.action = action;
        ch.detail = detail;
        a.history.add(ch);
    }

    AgreementView view(AgreementDocument a) {
        AgreementTemplate template = template(a);
        List<FreeTextPart> parts = template.freeText().stream().map(f -> new FreeTextPart(f.id(), f.title(),
                a.freeText.getOrDefault(f.id(), ""), f.maxLength())).toList();
        List<SignatureView> signatures = a.signatures.stream().map(s -> new SignatureView(s.role, s.signedBy, s.name,
                s.at, s.provider, s.indication)).toList();
        List<HistoryEntry> history = a.history.stream().map(h -> new HistoryEntry(h.at, h.by, h.action, h.detail))
                .toList();
        return new AgreementView(a.id, a.caseId, a.number, a.kind, a.mainAgreementId, a.templateId,
                a.templateVersion, a.title, a.agreementType, a.status, a.unitId, a.providerId, a.pricePerDay,
                a.validFrom, parts, signatures, nextSigner(a), a.pendingSigning == null ? null
                        : new PendingSigningView(a.pendingSigning.provider, a.pendingSigning.reference,
                                a.pendingSigning.role, a.pendingSigning.signer, a.pendingSigning.startedAt,
                                a.pendingSigning.redirectUrl), history, a.createdAt, a.createdBy, a.revision);
    }

    static String nextSigner(AgreementDocument a) {
        if (SIGNED.equals(a.status)) {
            return null;
        }
        return a.signatures.stream().anyMatch(s -> "kommun".equals(s.role)) ? "utforare" : "kommun";
    }

    private static String bounded(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) : s;
    }
}
