/** Shared kernel: error model (stable codes, field problems), the Audited event and the audit outbox (PendingAudit, Outbox), JSON helpers and the database wiring every module uses. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.placera.shared;
