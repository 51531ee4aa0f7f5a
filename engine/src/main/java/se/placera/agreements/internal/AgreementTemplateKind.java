package se.placera.agreements.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.documents.ArchivalDocuments;
import se.placera.documents.ArchivalDocuments.TemplateProblem;
import se.placera.forms.rules.CompiledRule;
import se.placera.forms.rules.RuleCompiler;
import se.placera.forms.rules.RuleContext;
import se.placera.forms.rules.RuleException;
import se.placera.forms.rules.RuleResultType;
import se.placera.metadata.MetadataKind;
import se.placera.metadata.ValidationContext;

/**
 * The {@code agreement-template} metadata kind (PA-7). Its hook refuses, with JSON pointers: a field that is not
 * part of the placement model ({@code /fields/i}), a body that does not parse, reads a value it did not declare or
 * is not well-formed XHTML ({@code /body}, with the template line), an {@code appliesWhen} that does not type-check,
 * and two templates of the same family (main agreements; supplementary agreements) that both apply to some
 * placement with the same priority ({@code /appliesWhen}). Overlap is found by evaluating both conditions over
 * every combination of target group, placement form, legal basis (the codelists in use) and the unit's agreement
 * type.
 */
@Component
class AgreementTemplateKind implements MetadataKind {

    static final String KIND = "agreement-template";

    static final List<String> UNIT_AGREEMENT_TYPES = List.of("ramavtal", "direktupphandling", "individavtal", "");

    private final RuleCompiler rules;
    private final ArchivalDocuments documents;

    AgreementTemplateKind(RuleCompiler rules, ArchivalDocuments documents) {
        this.rules = rules;
        this.documents = documents;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String plural() {
        return "agreement-templates";
    }

    @Override
    public String title() {
        return "Avtalsmall";
    }

    /** After codelists, which the overlap check reads. */
    @Override
    public int importOrder() {
        return 250;
    }

    @Override
    public void validate(JsonNode content, ValidationContext context) {
        AgreementTemplate t = AgreementTemplate.of(content, 0);
        List<String> known = new ArrayList<>();
        for (int i = 0; i < t.fields().size(); i++) {
            String f = t.fields().get(i);
            if (TemplateFields.exists(f)) {
                known.add(f);
            } else {
                context.problem("/fields/" + i, "agreement-template.unknown-field", "'" + f
                        + "' is not a field of the placement model (see docs/agreements.md).");
            }
        }
        Map<String, String> free = new LinkedHashMap<>();
        t.freeText().forEach(f -> free.put(f.id(), f.defaultText().isEmpty() ? f.title() : f.defaultText()));
        if (free.size() < t.freeText().size()) {
            context.problem("/freeText", "agreement-template.duplicate-free-text", "Two free-text parts have one id.");
        }
        for (TemplateProblem p : documents.check(t.body(),
                TemplateFields.model(TemplateFields.SAMPLES, known, free))) {
            String code = p.field() != null ? "agreement-template.unknown-field"
                    : p.message().contains("does not parse") ? "agreement-template.syntax"
                    : "agreement-template.render";
            String detail = p.field() != null ? "The body reads '" + p.field() + "' (line " + p.line()
                    + "), which is not among the template's fields or free-text parts." : p.message();
            context.problem("/body", code, detail);
        }
        Optional<CompiledRule> condition = compile(t.appliesWhen(), context);
        if (condition.isPresent()) {
            overlap(t, condition.get(), context);
        }
    }

    private Optional<CompiledRule> compile(String expression, ValidationContext context) {
        if (expression == null) {
            return Optional.of(ALWAYS);
        }
        try {
            CompiledRule rule = rules.compile(expression, RuleResultType.BOOL);
            if (!rule.answerDependencies().isEmpty()) {
                context.problem("/appliesWhen", "agreement-template.reads-answers",
                        "appliesWhen reads the placement (subject), not form answers.");
                return Optional.empty();
            }
            return Optional.of(rule);
        } catch (RuleException e) {
            if (context != null) {
                context.problem("/appliesWhen", e.code().toLowerCase(Locale.ROOT).replace('_', '.'), e.detail());
            }
            return Optional.empty();
        }
    }

    /** Another template of the same family that applies to some placement this one applies to, at equal priority. */
    private void overlap(AgreementTemplate t, CompiledRule mine, ValidationContext context) {
        List<Map<String, Object>> placements = null;
        for (JsonNode other : context.published(KIND)) {
            AgreementTemplate o = AgreementTemplate.of(other, 0);
            if (o.id().equals(t.id()) || o.priority() != t.priority()
                    || !AgreementTemplate.family(o.agreementType()).equals(AgreementTemplate.family(t.agreementType()))) {
                continue;
            }
            Optional<CompiledRule> theirs = compile(o.appliesWhen(), null);
            if (theirs.isEmpty()) {
                continue;
            }
            if (placements == null) {
                placements = placements(context);
            }
            for (Map<String, Object> subject : placements) {
                RuleContext rc = new RuleContext(null, null, subject, null);
                if (mine.evaluate(rc).isTrue() && theirs.get().evaluate(rc).isTrue()) {
                    context.problem("/appliesWhen", "agreement-template.overlap", "Both this template and '"
                            + o.id() + "' apply to a placement with " + subject + " at the same priority ("
                            + t.priority() + "); narrow appliesWhen or give one a higher priority.");
                    break;
                }
            }
        }
    }

    /** Every combination of the coded facts a template condition reads. */
    static List<Map<String, Object>> placements(ValidationContext context) {
        List<String> groups = values(context, "malgrupper");
        List<String> forms = values(context, "placeringsformer");
        List<String> bases = values(context, "lagrum");
        List<Map<String, Object>> all = new ArrayList<>();
        for (String g : groups) {
            for (String f : forms) {
                for (String b : bases) {
                    for (String a : UNIT_AGREEMENT_TYPES) {
                        Map<String, Object> s = new LinkedHashMap<>();
                        s.put("targetGroup", g);
                        s.put("placementForm", f);
                        s.put("legalBasis", b);
                        s.put("unitAgreementType", a);
                        s.put("needs", List.of());
                        s.put("pricePerDay", 1000L);
                        all.add(s);
                    }
                }
            }
        }
        return all;
    }

    private static List<String> values(ValidationContext context, String codelist) {
        List<String> values = new ArrayList<>();
        context.resolve("codelist", codelist).ifPresent(c -> c.path("items")
                .forEach(i -> values.add(i.path("value").asString())));
        values.add("");
        return values;
    }

    private static final CompiledRule ALWAYS = new CompiledRule() {
        @Override
        public String expression() {
            return "true";
        }

        @Override
        public java.util.Set<String> answerDependencies() {
            return java.util.Set.of();
        }

        @Override
        public se.placera.forms.rules.RuleOutcome evaluate(RuleContext context) {
            return se.placera.forms.rules.RuleOutcome.success(Boolean.TRUE);
        }
    };
}
