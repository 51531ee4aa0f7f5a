import { http, newIdempotencyKey, ok } from '../api/client';
import type { components } from '../api/schema';

type S = components['schemas'];
export type CaseSummary = S['CaseSummary'];
export type CaseView = S['CaseView'];
export type NewCase = S['NewCase'];
export type Note = S['Note'];
export type MyTask = S['MyTask'];
export type Decision = S['CaseDecision'];
export type Decisions = S['Decisions'];
export type CaseEvent = S['CaseEvent'];
export type Round = S['RoundView'];
export type Inquiry = S['InquiryView'];
export type InquiryAnswer = S['AnswerView'];
export type NewRound = S['NewRound'];
export type ClockDeadline = S['ClockDeadline'];

export const EVENT_KINDS = ['case', 'note', 'transfer', 'document', 'inquiry', 'access', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Placement cases (docs/cases.md), through the typed client. */
export const cases = {
  mine: () => ok(http.GET('/api/cases')),
  create: (body: NewCase) => ok(http.POST('/api/cases', { body })),
  get: (id: string) => ok(http.GET('/api/cases/{id}', { params: { path: { id } } })),
  reveal: (id: string) => ok(http.POST('/api/cases/{id}/reveal', { params: { path: { id } } })),
  act: (id: string, verb: string, revision: number, reason?: string, comment?: string) =>
    ok(http.POST('/api/cases/{id}/{verb}', { params: { path: { id, verb } }, body: { revision, reason, comment } })),
  transfer: (id: string, revision: number, to: string, reason?: string) =>
    ok(http.POST('/api/cases/{id}/transfer', { params: { path: { id } }, body: { revision, to, reason } })),
  notes: (id: string) => ok(http.GET('/api/cases/{id}/notes', { params: { path: { id } } })),
  addNote: (id: string, text: string, corrects?: string) =>
    ok(http.POST('/api/cases/{id}/notes', { params: { path: { id } }, body: { text, corrects } })),
  events: (id: string, kind: EventKind[], q: string) =>
    ok(http.GET('/api/cases/{id}/events', {
      params: { path: { id }, query: { kind: kind.length ? kind : undefined, q: q || undefined } },
    })),
  clocks: (id: string) => ok(http.GET('/api/cases/{id}/clocks', { params: { path: { id } } })),
  tasks: () => ok(http.GET('/api/cases/tasks')),
  decisions: () => ok(http.GET('/api/cases/decisions')),
};

/** Inquiry rounds of a case (docs/cases.md, "Inquiries"): send, move a deadline, choose an answer. */
export const inquiries = {
  rounds: (id: string) => ok(http.GET('/api/cases/{id}/inquiries', { params: { path: { id } } })),
  /** Sends a round; the same {@code idempotencyKey} (kept until the round is sent) never sends it twice. */
  send: (id: string, body: NewRound, idempotencyKey: string = newIdempotencyKey()) =>
    ok(http.POST('/api/cases/{id}/inquiries', {
      params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } }, body,
    })),
  deadline: (id: string, inquiryId: string, deadline: string) =>
    ok(http.PUT('/api/cases/{id}/inquiries/{inquiryId}/deadline', {
      params: { path: { id, inquiryId } }, body: { deadline },
    })),
  decide: (id: string, inquiryId: string, reason: string, revision: number) =>
    ok(http.POST('/api/cases/{id}/decision', { params: { path: { id } }, body: { inquiryId, reason, revision } })),
  /** Where the caseworker downloads a PDF the provider attached to its answer. */
  attachmentUrl: (id: string, inquiryId: string, attachmentId: string) =>
    `/api/cases/${encodeURIComponent(id)}/inquiries/${encodeURIComponent(inquiryId)}/attachments/${encodeURIComponent(attachmentId)}`,
};
