package se.placera.forms.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.placera.forms.ResponseSubmitted;
import se.placera.forms.Subject;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;

/**
 * Responses as a source of the {@link Outbox}: each write of a response carries its audit entry; a
 * {@code response.submit} entry is followed by {@link ResponseSubmitted}, built from the stored response.
 */
@Component
class ResponseOutbox extends Outbox.Of<ResponseDocument> {

    private final MethodRegistry methods;

    ResponseOutbox(MethodRegistry methods) {
        super(ResponseDocument.class, d -> d.id, d -> d.pending);
        this.methods = methods;
    }

    /**
     * The answers of rating questions on the 1–5 scale (a percent answer p as 1 + 4p/100). Only numbers count:
     * "vet-ej" (Vet ej / ej aktuellt) is an answer of its own and never part of a mean.
     */
    static Map<String, Double> ratingsOf(CompiledMethod method, Map<String, Object> answers) {
        Map<String, Double> ratings = new LinkedHashMap<>();
        for (CompiledMethod.Question q : method.questions().values()) {
            if ("rating".equals(q.kind()) && answers.get(q.id()) instanceof Number n) {
                double v = n.doubleValue();
                ratings.put(q.id(), "percent".equals(q.scale()) ? 1 + 4 * v / 100.0 : v);
            }
        }
        return ratings;
    }

    @Override
    public List<Object> followUps(ResponseDocument d, PendingAudit entry) {
        if (!"response.submit".equals(entry.audited().action())) {
            return List.of();
        }
        Map<String, Object> answers = d.answers == null ? Map.of() : d.answers;
        Map<String, Double> ratings = ratingsOf(methods.compiled(d.methodId, d.methodVersion), answers);
        return List.of(new ResponseSubmitted(d.id, d.methodId, d.methodVersion, d.purpose,
                new Subject(d.subjectType, d.subjectId, d.subjectAttributes == null ? Map.of() : d.subjectAttributes),
                d.createdBy, d.respondentRole, d.submittedAt, new LinkedHashMap<>(answers), ratings,
                d.administration));
    }
}
