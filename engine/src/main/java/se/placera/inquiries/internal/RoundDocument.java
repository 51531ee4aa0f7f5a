package se.placera.inquiries.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.shared.PendingAudit;

/**
 * One inquiry round of a case (PA-3 to PA-6) with all its inquiries, their answers, the decision and the mails it
 * queued: one document, so that sending, answering, reminding and deciding are each one write guarded by
 * {@link #revision}, carrying its audit entry and its mails ({@link #pending}, {@link #mails}). A write that is
 * interrupted before its mails reach the mail outbox is completed by the {@code Outbox} sweep; the mails' ids are
 * stable, so none is queued twice.
 */
@Document("inquiry_rounds")
class RoundDocument {

    static final String PREPARING = "preparing";
    static final String OPEN = "open";
    static final String CLOSED = "closed";

    @Id
    String id;
    @Indexed
    String caseId;
    /** The administration of the case (GD-1). */
    String administration;
    /** The client's idempotency key, if one was given. */
    String requestKey;
    /** {@code preparing} until the case has taken its transition, then {@code open}, {@code closed} after the decision. */
    String status;
    Instant deadline;
    MethodRef inquiryMethod;
    MethodRef responseMethod;
    /** The case's facts when the round was sent: the subject of the inquiry and of the answers. */
    Map<String, Object> subject = new LinkedHashMap<>();
    Map<String, Object> content = new LinkedHashMap<>();
    Map<String, Object> contentLabels = new LinkedHashMap<>();
    List<Inquiry> inquiries = new ArrayList<>();
    Decision decision;
    String sentBy;
    String sentByName;
    String sentByEmail;
    Instant createdAt;
    Instant sentAt;
    @Version
    Long revision;
    /** Audit entries not yet in the audit log; each carries the mails with its {@code entryId}. */
    List<PendingAudit> pending;
    /** Every mail the round queued, with the audit entry it went out with. */
    List<Mail> mails = new ArrayList<>();

    static class MethodRef {
        String id;
        int version;
        String title;

        MethodRef() {
        }

        MethodRef(String id, int version, String title) {
            this.id = id;
            this.version = version;
            this.title = title;
        }
    }

    /** One inquiry: to one unit. */
    static class Inquiry {
        @Indexed
        String id;
        String unitId;
        String unitName;
        String providerId;
        String providerName;
        String email;
        Instant deadline;
        /** {@code sent}, {@code answered}, {@code chosen}, {@code not-chosen}. */
        String status;
        Instant reminderSentAt;
        Answer answer;
    }

    static class Answer {
        Map<String, Object> answers;
        Map<String, Object> answerLabels;
        List<String> attachments;
        boolean available;
        Integer pricePerDay;
        LocalDate startDate;
        Boolean transport;
        String comment;
        boolean late;
        Instant answeredAt;
        /** The caseworker who recorded it, or {@code provider:<id>} for the provider's own answer. */
        String recordedBy;
        String receivedVia;
    }

    static class Decision {
        String inquiryId;
        String unitId;
        Integer pricePerDay;
        LocalDate startDate;
        String reason;
        String decidedBy;
        Instant decidedAt;
    }

    /** A mail queued by the round: delivered as an {@code InquiryMail} with the audit entry {@link #entryId}. */
    static class Mail {
        String id;
        String entryId;
        String event;
        String to;
        Map<String, Object> model;
    }

    Inquiry inquiry(String inquiryId) {
        return inquiries.stream().filter(i -> i.id.equals(inquiryId)).findFirst().orElse(null);
    }
}
