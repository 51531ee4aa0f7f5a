package se.placera.economy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import se.placera.economy.Invoices.InvoiceFlag;
import se.placera.economy.Invoices.InvoiceLineView;
import se.placera.shared.PendingAudit;

/**
 * One imported invoice with its lines and flags, written whole in one insert (nothing half-imported). The id is
 * derived from administration, supplier and invoice number, so the same invoice imported twice collides on the
 * primary key even when two imports race.
 */
@Document("economy_invoices")
class InvoiceDocument {

    @Id
    String id;
    @Indexed
    String administration;
    String format;
    String filename;
    @Indexed
    String contentHash;
    String supplierName;
    String supplierOrgNumber;
    String number;
    LocalDate issueDate;
    String currency;
    Long statedTotalOre;
    long linesTotalOre;
    long expectedTotalOre;
    /** Placement ids of the lines, for finding earlier invoices of a placement. */
    @Indexed
    List<String> placementIds = new ArrayList<>();
    List<InvoiceLineView> lines = new ArrayList<>();
    List<InvoiceFlag> flags = new ArrayList<>();
    String importedBy;
    Instant importedAt;
    @Version
    Long revision;
    List<PendingAudit> pending;
}
