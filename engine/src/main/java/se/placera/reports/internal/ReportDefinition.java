package se.placera.reports.internal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A report definition read from its (meta-schema valid) JSON content. */
record ReportDefinition(String id, int version, String title, String description, DataSet dataSet,
        List<Filter> filters, List<Part> parts) {

    record DataSet(List<String> methods, List<String> areas, List<String> purposes) {
    }

    /** A fact ({@code fact} set) or a question ({@code question} set). */
    record Dimension(String fact, String question, String title) {

        /** The key of the dimension in cell keys and the projection field it groups on. */
        String key() {
            return fact != null ? "f." + fact : "q." + question;
        }
    }

    record Filter(Dimension on, List<String> in) {
    }

    record Measure(String id, String type, String question, String value, Double level, String title) {
    }

    record Part(String id, String title, String description, List<Dimension> dimensions, List<Measure> measures,
            String presentation) {
    }

    static ReportDefinition of(JsonNode c, int version) {
        JsonNode ds = c.path("dataSet");
        List<Filter> filters = new ArrayList<>();
        for (JsonNode f : c.path("filters")) {
            filters.add(new Filter(dimension(f), strings(f.path("in"))));
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode p : c.path("parts")) {
            List<Dimension> dims = new ArrayList<>();
            for (JsonNode d : p.path("dimensions")) {
                dims.add(dimension(d));
            }
            List<Measure> measures = new ArrayList<>();
            int i = 0;
            for (JsonNode m : p.path("measures")) {
                measures.add(new Measure(m.hasNonNull("id") ? m.get("id").asString() : "m" + i, m.path("type").asString(),
                        text(m, "question"), text(m, "value"), m.hasNonNull("level") ? m.get("level").asDouble() : null,
                        text(m, "title")));
                i++;
            }
            parts.add(new Part(p.path("id").asString(), p.path("title").asString(), text(p, "description"), dims,
                    measures, p.path("presentation").asString("table")));
        }
        return new ReportDefinition(c.path("id").asString(), version, c.path("title").asString(),
                text(c, "description"), new DataSet(strings(ds.path("methods")), strings(ds.path("areas")),
                        strings(ds.path("purposes"))), filters, parts);
    }

    private static Dimension dimension(JsonNode d) {
        return new Dimension(text(d, "fact"), text(d, "question"), text(d, "title"));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asString() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            out.add(v.asString());
        }
        return List.copyOf(out);
    }
}
