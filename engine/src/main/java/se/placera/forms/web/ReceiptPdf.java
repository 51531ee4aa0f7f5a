package se.placera.forms.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import se.placera.documents.Pdfs;
import se.placera.forms.FormState;

/** The receipt of a submitted response as a PDF document: what it concerns, when, and every answer by label. */
final class ReceiptPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH:mm",
            java.util.Locale.forLanguageTag("sv-SE")).withZone(ZoneId.of("Europe/Stockholm"));

    private static final Map<String, String> SUBJECTS = Map.of("placement", "Placering", "client", "Klient",
            "case", "Ärende", "provider", "Utförare", "unit", "Enhet");

    private ReceiptPdf() {
    }

    static Pdfs.Document of(FormState s) {
        List<String> lead = new ArrayList<>();
        if (s.submittedAt() != null) {
            lead.add("Inskickat " + WHEN.format(s.submittedAt()));
        }
        if (s.subject() != null && s.subject().id() != null) {
            lead.add("Avser: " + SUBJECTS.getOrDefault(s.subject().type(), Objects.toString(s.subject().type(), ""))
                    + " " + s.subject().id());
        }
        lead.add("Svarets id: " + s.responseId());
        lead.add("Metod: " + s.method().title() + " (version " + s.method().version() + ")");
        Map<String, Object> labels = s.answerLabels() == null ? Map.of() : s.answerLabels();
        List<Pdfs.Section> sections = new ArrayList<>();
        for (FormState.AreaState a : s.areas()) {
            List<Pdfs.Row> rows = new ArrayList<>();
            for (FormState.QuestionState q : a.questions()) {
                String value = text(q, labels.get(q.id()));
                rows.add(new Pdfs.Row(q.heading() != null ? q.heading() : q.text(),
                        q.auto() ? value + " (besvarad automatiskt)" : value));
            }
            sections.add(new Pdfs.Section(a.title(), rows));
        }
        return new Pdfs.Document("Kvitto: " + s.method().title(), lead, sections);
    }

    private static String text(FormState.QuestionState q, Object label) {
        Object v = label != null ? label : q.value();
        if (v == null || (v instanceof List<?> l && l.isEmpty()) || "".equals(v)) {
            return "Ej besvarad";
        }
        if (v instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if ("rating".equals(q.kind())) {
            String scaleLabel = q.scaleLabels() == null ? null : q.scaleLabels().get(String.valueOf(v));
            String base = "percent".equals(q.scale()) ? v + " %" : String.valueOf(v);
            return scaleLabel == null ? base : base + " (" + scaleLabel + ")";
        }
        return String.valueOf(v);
    }
}
