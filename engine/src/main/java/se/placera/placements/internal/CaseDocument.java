package se.placera.placements.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.shared.PendingAudit;

/**
 * One placement case in storage (PA-3, PA-13). It pins the process version it started on. Every change — a
 * transition, a transfer, a method submitted on the case — is one document write guarded by {@link #revision}
 * and carries its audit entry ({@link #pending}), so a change and its entry cannot part ways and two users cannot
 * overwrite each other unnoticed.
 */
@Document("cases")
class CaseDocument {

    @Id
    String id;
    /** The administration (förvaltning) the case belongs to (GD-1). */
    String administration;
    String processId;
    int processVersion;
    String state;
    Instant stateSince;
    Client client;
    /** The case's facts (målgrupp, placeringsform, lagrum, behov, önskat startdatum …): the subject of its forms. */
    Map<String, Object> facts = new LinkedHashMap<>();
    /** User name of the responsible caseworker. */
    String responsible;
    /** User name of the coordinator, if any. */
    String coordinator;
    List<Holding> holders = new ArrayList<>();
    List<CaseTask> tasks = new ArrayList<>();
    List<Step> history = new ArrayList<>();
    /** Methods with a submitted response on this case (for {@code requiresMethod}). */
    Set<String> submittedMethods = new LinkedHashSet<>();
    String endReason;
    /** The placement decided (PA-6): unit, price per day, start date and the inquiry answer chosen. */
    Placement placement;
    /** Who has work on the case, under a unique index ({@link WorkKeys}); derived on every write. */
    List<String> workKeys;
    Instant createdAt;
    String createdBy;
    Instant updatedAt;
    @Version
    Long revision;
    /** Audit entries of writes not yet in the audit log: written with the change, removed once delivered. */
    List<PendingAudit> pending;

    /** The client: the identity number only encrypted and as a keyed hash; the masked form for lists. */
    static class Client {
        String identityCipher;
        @Indexed
        String identityHash;
        String masked;
        LocalDate birthDate;
        boolean coordinationNumber;
        String name;
    }

    /** Who held the case when (PA-9). */
    static class Holding {
        String username;
        Instant from;
        Instant until;
        String reason;
    }

    /** A task the process gave the case on entering a state. */
    static class CaseTask {
        String id;
        String taskId;
        String state;
        String title;
        String assignee;
        String assignedTo;
        LocalDate due;
        String method;
        String status;
        Instant createdAt;
        Instant closedAt;
        /** For a task of a statutory clock (schedules module): the schedule, its pinned version and the occurrence. */
        String schedule;
        Integer scheduleVersion;
        Integer occurrence;
        /** {@code reconsideration}, {@code method} or {@code manual}: how a clock task is done. */
        String completion;
        /** {@code clock} for a clock's task, {@code escalation} for the team lead's task of an overdue one. */
        String origin;
        /** The reconsideration's decision ({@code fortsatt-vard}, {@code upphor}) and comment, who recorded it. */
        String decision;
        String comment;
        String doneBy;
        Instant remindedAt;
        Instant escalatedAt;
    }

    /** The placement decided from an inquiry round. */
    static class Placement {
        String unitId;
        String unitName;
        String providerId;
        String providerName;
        Integer pricePerDay;
        LocalDate startDate;
        String roundId;
        String inquiryId;
        String reason;
        String decidedBy;
        Instant decidedAt;
        /** PA-10: the planned end (set by an extension), the actual end date and whether it was planned. */
        LocalDate plannedEnd;
        LocalDate endDate;
        Boolean endPlanned;
        List<Extension> extensions = new ArrayList<>();
    }

    /** PA-10: one extension of the placement. */
    static class Extension {
        LocalDate previousEnd;
        LocalDate newEnd;
        String reason;
        Integer pricePerDay;
        String by;
        Instant at;
    }

    /** One transition taken. */
    static class Step {
        String verb;
        String from;
        String to;
        String by;
        Instant at;
        String reason;
        String comment;
    }
}
