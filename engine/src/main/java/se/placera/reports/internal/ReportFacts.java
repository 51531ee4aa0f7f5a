package se.placera.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import se.placera.forms.ResponseSubmitted;
import se.placera.metadata.Metadata;
import se.placera.providers.Register;
import se.placera.providers.UnitId;
import se.placera.shared.SwedishTime;

/**
 * The reports' own projection of submitted responses ({@code report_facts}), one document per response, shaped for
 * aggregation: the administration, the facts every report can group on ({@code f.*}), the answers of choice
 * questions ({@code a.*}) and the numeric answers ({@code n.*}). Free text is not copied. It is filled from
 * {@link ResponseSubmitted} (which carries everything: the response is not read back), so a submitted response is
 * in the next run of every report at once.
 */
@Component
class ReportFacts {

    static final String COLLECTION = "report_facts";
    /** Subject types whose id is a person (or a person's placement or case): the unit of suppression. */
    private static final Set<String> PERSON_SUBJECTS = Set.of("client", "placement", "case");

    private static final Logger log = LoggerFactory.getLogger(ReportFacts.class);

    private final MongoTemplate mongo;
    private final Metadata metadata;
    private final Register register;
    private final Map<String, MethodQuestions> methods = new ConcurrentHashMap<>();

    ReportFacts(MongoTemplate mongo, Metadata metadata, Register register) {
        this.mongo = mongo;
        this.metadata = metadata;
        this.register = register;
        var index = mongo.indexOps(COLLECTION);
        index.createIndex(new Index().on("adm", org.springframework.data.domain.Sort.Direction.ASC)
                .on("method", org.springframework.data.domain.Sort.Direction.ASC));
    }

    @EventListener
    void on(ResponseSubmitted event) {
        try {
            mongo.save(fact(event), COLLECTION);
        } catch (RuntimeException e) {
            // Never fail a submission because a report projection could not be written; logged for follow-up.
            log.error("Could not record report facts of response {}", event.responseId(), e);
        }
    }

    Document fact(ResponseSubmitted e) {
        MethodQuestions method = method(e.methodId(), e.methodVersion());
        Map<String, Object> subject = e.subject() == null ? Map.of() : e.subject().attributes();
        Map<String, Object> answers = e.answers() == null ? Map.of() : e.answers();
        Document f = new Document();
        put(f, "gender", first(subject.get("gender"), answers.get("kon")));
        put(f, "targetGroup", first(subject.get("targetGroup"), answers.get("malgrupp")));
        put(f, "placementForm", first(subject.get("placementForm"), answers.get("placeringsform")));
        String unit = e.subject() != null && "unit".equals(e.subject().type()) ? e.subject().id()
                : subject.get("unitId") instanceof String s ? s : null;
        put(f, "unit", unit);
        Object provider = e.subject() != null && "provider".equals(e.subject().type()) ? e.subject().id()
                : subject.get("providerId");
        if (provider == null && unit != null) {
            provider = register.unit(new UnitId(unit)).map(u -> u.providerId()).orElse(null);
        }
        put(f, "provider", provider);
        put(f, "intervention", method == null ? null : method.area());
        put(f, "method", e.methodId());
        put(f, "respondentRole", e.respondentRole());
        put(f, "purpose", e.purpose());
        LocalDate day = SwedishTime.dateOf(e.submittedAt());
        put(f, "year", String.valueOf(day.getYear()));
        put(f, "tertial", day.getYear() + "-T" + ((day.getMonthValue() - 1) / 4 + 1));
        put(f, "quarter", day.getYear() + "-K" + ((day.getMonthValue() - 1) / 3 + 1));
        put(f, "month", day.toString().substring(0, 7));
        Document a = new Document();
        Document n = new Document();
        for (var entry : answers.entrySet()) {
            MethodQuestions.Question q = method == null ? null : method.questions().get(entry.getKey());
            Object v = entry.getValue();
            if (q == null || v == null) {
                continue;
            }
            if (q.numeric() && v instanceof Number number) {
                n.put(q.id(), number.doubleValue());
            } else if ("single".equals(q.type()) && v instanceof String s) {
                a.put(q.id(), s);
            } else if ("rating".equals(q.type()) && v instanceof String s) {
                a.put(q.id(), s); // "vet-ej": an answer, not a number
            } else if ("multiple".equals(q.type()) && v instanceof List<?> list) {
                List<String> values = new ArrayList<>();
                list.forEach(x -> values.add(String.valueOf(x)));
                a.put(q.id(), values);
            }
        }
        for (var rating : n.entrySet()) {
            if ("rating".equals(method.questions().get(rating.getKey()).type())) {
                a.putIfAbsent(rating.getKey(), String.valueOf(((Number) rating.getValue()).intValue()));
            }
        }
        String person = e.subject() != null && e.subject().id() != null && PERSON_SUBJECTS.contains(e.subject().type())
                ? e.subject().type() + ":" + e.subject().id() : "response:" + e.responseId();
        return new Document("_id", e.responseId()).append("adm", e.administration()).append("method", e.methodId())
                .append("area", method == null ? null : method.area()).append("purpose", e.purpose())
                .append("at", Date.from(e.submittedAt())).append("person", person).append("f", f).append("a", a)
                .append("n", n);
    }

    MethodQuestions method(String id, int version) {
        return methods.computeIfAbsent(id + "@" + version, k -> {
            try {
                return MethodQuestions.of(metadata.get("method", id, version).content());
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    private static Object first(Object a, Object b) {
        return a instanceof String s && !s.isBlank() ? s : b instanceof String t && !t.isBlank() ? t : null;
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) {
            d.put(key, String.valueOf(value));
        }
    }
}
