package se.placera.placements.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import se.placera.placements.PlacementRecorded;
import se.placera.shared.Outbox;
import se.placera.shared.PendingAudit;
import se.placera.shared.SwedishTime;

/**
 * Cases as a source of the {@link Outbox}: each write of a case carries its audit entry; a case with a placement
 * also announces it ({@link PlacementRecorded}) with each entry.
 */
@Component
class CaseOutbox extends Outbox.Of<CaseDocument> {

    CaseOutbox() {
        super(CaseDocument.class, d -> d.id, d -> d.pending);
    }

    @Override
    public List<Object> followUps(CaseDocument c, PendingAudit entry) {
        CaseDocument.Placement p = c.placement;
        if (p == null || p.startDate == null || !entry.audited().action().startsWith("case.")) {
            return List.of();
        }
        LocalDate end = p.endDate;
        if (end == null && c.endReason != null && !c.history.isEmpty()) {
            LocalDate closed = SwedishTime.dateOf(c.history.get(c.history.size() - 1).at);
            end = closed.isBefore(p.startDate) ? p.startDate : closed;
        }
        return List.of(new PlacementRecorded(c.id, c.administration, c.responsible, p.unitId, p.providerId,
                (String) c.facts.get("targetGroup"), (String) c.facts.get("placementForm"),
                (String) c.facts.get("gender"), p.pricePerDay, p.startDate, end, c.endReason, p.reason));
    }
}
