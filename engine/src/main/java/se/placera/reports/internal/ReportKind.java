package se.placera.reports.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import se.placera.metadata.MetadataKind;
import se.placera.metadata.ValidationContext;
import se.placera.reports.ReportProblemCodes;

/**
 * The {@code report} metadata kind (RP-1, RP-2): a report definition is metadata. Its hook refuses, with JSON
 * pointers, an unknown method or area, a question no method of the data set has, a measure that does not fit the
 * question's type (a mean of a text question), a level outside the rating's scale and a dimension that would not
 * add up (a multiple-choice question: one person in several rows).
 */
@Component
class ReportKind implements MetadataKind {

    static final String KIND = "report";

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String plural() {
        return "reports";
    }

    @Override
    public String title() {
        return "Rapport";
    }

    /** After codelists, areas and methods, which reports refer to. */
    @Override
    public int importOrder() {
        return 300;
    }

    @Override
    public void validate(JsonNode content, ValidationContext context) {
        List<MethodQuestions> methods = new ArrayList<>();
        JsonNode ids = content.path("dataSet").path("methods");
        for (int i = 0; i < ids.size(); i++) {
            Optional<JsonNode> m = context.resolve("method", ids.get(i).asString());
            if (m.isEmpty()) {
                context.problem("/dataSet/methods/" + i, ReportProblemCodes.UNKNOWN_METHOD,
                        "No method '" + ids.get(i).asString() + "'.");
            } else {
                methods.add(MethodQuestions.of(m.get()));
            }
        }
        JsonNode areas = content.path("dataSet").path("areas");
        for (int i = 0; i < areas.size(); i++) {
            if (context.resolve("area", areas.get(i).asString()).isEmpty()) {
                context.problem("/dataSet/areas/" + i, ReportProblemCodes.UNKNOWN_AREA,
                        "No area '" + areas.get(i).asString() + "'.");
            }
        }
        boolean named = ids.size() > 0;
        JsonNode filters = content.path("filters");
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).hasNonNull("question")) {
                question(filters.get(i).get("question").asString(), "/filters/" + i + "/question", named, methods,
                        context);
            }
        }
        JsonNode parts = content.path("parts");
        Set<String> partIds = new HashSet<>();
        for (int p = 0; p < parts.size(); p++) {
            JsonNode part = parts.get(p);
            String base = "/parts/" + p;
            if (!partIds.add(part.path("id").asString())) {
                context.problem(base + "/id", ReportProblemCodes.DUPLICATE_ID, "Two parts have this id.");
            }
            JsonNode dims = part.path("dimensions");
            Set<String> dimKeys = new HashSet<>();
            for (int d = 0; d < dims.size(); d++) {
                JsonNode dim = dims.get(d);
                String key = dim.hasNonNull("fact") ? "f." + dim.get("fact").asString()
                        : "q." + dim.path("question").asString();
                if (!dimKeys.add(key)) {
                    context.problem(base + "/dimensions/" + d, ReportProblemCodes.DUPLICATE_ID,
                            "The same dimension twice in one part.");
                }
                if (dim.hasNonNull("question")) {
                    String pointer = base + "/dimensions/" + d + "/question";
                    question(dim.get("question").asString(), pointer, named, methods, context).ifPresent(q -> {
                        if (!"single".equals(q.type()) && !"rating".equals(q.type())) {
                            context.problem(pointer, ReportProblemCodes.DIMENSION_TYPE, "A dimension must be a "
                                    + "single-choice or rating question (each response in exactly one row); '"
                                    + q.id() + "' is " + q.type() + ".");
                        }
                    });
                }
            }
            JsonNode measures = part.path("measures");
            Set<String> measureIds = new HashSet<>();
            for (int m = 0; m < measures.size(); m++) {
                JsonNode measure = measures.get(m);
                String mBase = base + "/measures/" + m;
                String id = measure.hasNonNull("id") ? measure.get("id").asString() : "m" + m;
                if (!measureIds.add(id)) {
                    context.problem(mBase + "/id", ReportProblemCodes.DUPLICATE_ID, "Two measures have this id.");
                }
                if (!measure.hasNonNull("question")) {
                    continue;
                }
                String type = measure.path("type").asString();
                question(measure.get("question").asString(), mBase + "/question", named, methods, context)
                        .ifPresent(q -> fits(type, q, measure, mBase, context));
            }
        }
    }

    private static void fits(String type, MethodQuestions.Question q, JsonNode measure, String base,
            ValidationContext context) {
        boolean fits = switch (type) {
            case "mean", "median" -> q.numeric();
            case "shareAtLeast" -> "rating".equals(q.type());
            case "share" -> "single".equals(q.type()) || "multiple".equals(q.type());
            default -> true;
        };
        if (!fits) {
            context.problem(base + "/type", ReportProblemCodes.MEASURE_TYPE, "A " + type
                    + " does not fit the question '" + q.id() + "', which is " + q.type() + ".");
            return;
        }
        if ("shareAtLeast".equals(type)) {
            double level = measure.path("level").asDouble();
            double max = "percent".equals(q.scale()) ? 100 : 5;
            double min = "percent".equals(q.scale()) ? 0 : 1;
            if (level < min || level > max) {
                context.problem(base + "/level", ReportProblemCodes.MEASURE_LEVEL, "The level must be on the "
                        + "question's scale (" + (int) min + "–" + (int) max + ").");
            }
        }
        if ("share".equals(type) && !q.labels().isEmpty() && !q.labels().containsKey(measure.path("value").asString())) {
            context.problem(base + "/value", ReportProblemCodes.MEASURE_VALUE, "'" + measure.path("value").asString()
                    + "' is not an alternative of the question '" + q.id() + "'.");
        }
    }

    /** The question in the first method of the data set that has it; a problem if none has. */
    private static Optional<MethodQuestions.Question> question(String id, String pointer, boolean named,
            List<MethodQuestions> methods, ValidationContext context) {
        for (MethodQuestions m : methods) {
            MethodQuestions.Question q = m.questions().get(id);
            if (q != null) {
                return Optional.of(q);
            }
        }
        context.problem(pointer, ReportProblemCodes.UNKNOWN_QUESTION, named
                ? "No method of the data set has a question '" + id + "'."
                : "A report that names questions must name its methods (dataSet.methods).");
        return Optional.empty();
    }
}
