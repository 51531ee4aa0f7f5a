/** The usage report's and the audit log's logic without React: periods, table rows, paging, labels. */
import { isMessageKey, type Translate } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import type { UsageReport, Verification } from '../api/admin';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date as YYYY-MM-DD (the server reads such dates as whole Swedish days). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The month of {@code today}: its first and last day. */
export function currentMonth(today: Date = new Date()): { from: string; to: string } {
  const first = new Date(today.getFullYear(), today.getMonth(), 1);
  const last = new Date(today.getFullYear(), today.getMonth() + 1, 0);
  return { from: isoDate(first), to: isoDate(last) };
}

/** Which period problem there is, if any: a missing date or the end before the start. */
export function periodProblem(from: string, to: string): 'missing' | 'order' | null {
  if (!from || !to) return 'missing';
  return from > to ? 'order' : null;
}

/** The login methods that occur in the report, as the columns of the logins table. */
export function loginMethods(report: UsageReport): string[] {
  return [...new Set(report.users.flatMap((u) => Object.keys(u.logins ?? {})))].sort();
}

export interface MethodRow {
  username: string;
  methodId: string;
  submitted: number;
  saved: number;
}

/** One row per user and method with submitted responses and saved drafts (as in the Excel sheet). */
export function methodRows(report: UsageReport): MethodRow[] {
  const rows: MethodRow[] = [];
  for (const u of report.users) {
    const methods = [...new Set([...Object.keys(u.responsesSubmitted ?? {}), ...Object.keys(u.answersSaved ?? {})])].sort();
    for (const m of methods) {
      rows.push({ username: u.username, methodId: m, submitted: u.responsesSubmitted?.[m] ?? 0, saved: u.answersSaved?.[m] ?? 0 });
    }
  }
  return rows;
}

/** "Sida 2 av 5": pages from 0; at least one page. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / Math.max(size, 1)));
}

/** A login method's name: local → "Användarnamn och lösenord", unknown ones as they are. */
export function loginMethodLabel(t: Translate, method: string): string {
  const key = `usage.method.${method}`;
  return isMessageKey(key) ? t(key) : method;
}

/**
 * An event type's name in the UI language, with the code for searching: "Användare skapad (user.create)". A step
 * of a case process ("case.<verb>", the verbs come from the process metadata) is "Ärende: <verb>"; any other
 * unknown type is shown as its code.
 */
export function actionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  if (isMessageKey(key)) return `${t(key)} (${action})`;
  const verb = /^case\.([a-z0-9-]+)$/.exec(action);
  return verb ? `${t('audit.actionCase', { verb: verb[1] })} (${action})` : action;
}

/** One line of an entry's details: a changed field (before → after) or a fact (label: value). */
export interface DetailLine {
  label: string;
  /** For a change: the value before, null when the field was empty (a creation). */
  before?: string | null;
  /** For a change: the value after, null when the field was emptied (a removal). */
  after?: string | null;
  /** For a fact: its value. */
  value?: string;
}

/** Longest value text shown in the table; longer ones end with "…". */
const MAX_VALUE = 300;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A stored instant as Swedish local time, "2026-12-02 12:22". */
function instantText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** A field's name: `audit.field.<name>` in the UI language, else the name itself. */
export function fieldLabel(t: Translate, field: string): string {
  const key = `audit.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** A stored JSON value as readable text: Ja/Nej, lists with commas, objects as "Fält: värde" pairs. */
export function valueText(t: Translate, v: unknown, depth = 0): string {
  let text: string;
  if (v === null || v === undefined || v === '') text = t('audit.empty');
  else if (typeof v === 'boolean') text = v ? t('audit.yes') : t('audit.no');
  else if (typeof v === 'number') text = v.toLocaleString('sv-SE');
  else if (typeof v === 'string') text = ISO_INSTANT.test(v) ? instantText(v) : v;
  else if (Array.isArray(v)) {
    const items = v.map((x) => valueText(t, x, depth + 1));
    text = items.length ? items.join(v.some((x) => typeof x === 'object' && x !== null) ? '; ' : ', ') : t('audit.empty');
  } else if (depth > 4) text = '…';
  else {
    const pairs = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== null && x !== undefined)
      .map(([k, x]) => `${fieldLabel(t, k)}: ${valueText(t, x, depth + 1)}`);
    text = pairs.length ? pairs.join(', ') : t('audit.empty');
  }
  return text.length > MAX_VALUE ? `${text.substring(0, MAX_VALUE - 1)}…` : text;
}

interface Change {
  field?: unknown;
  before?: unknown;
  after?: unknown;
}

/**
 * An entry's details as lines: first the changed fields (`changes = [{field, before, after}]`, as the server
 * stores every write), then the other facts with their names in the UI language (`audit.detail.<key>`).
 */
export function detailLines(t: Translate, details: Record<string, unknown> | null | undefined): DetailLine[] {
  const lines: DetailLine[] = [];
  const d = details ?? {};
  const changes = Array.isArray(d.changes) ? (d.changes as Change[]) : [];
  for (const c of changes) {
    const field = String(c?.field ?? '');
    lines.push({
      label: fieldLabel(t, field),
      before: c?.before === null || c?.before === undefined ? null : valueText(t, c.before),
      after: c?.after === null || c?.after === undefined ? null : valueText(t, c.after),
    });
  }
  for (const [k, v] of Object.entries(d)) {
    if (k === 'changes' && Array.isArray(v)) continue;
    const key = `audit.detail.${k}`;
    lines.push({ label: isMessageKey(key) ? t(key) : k, value: valueText(t, v) });
  }
  return lines;
}

/** `AuditLog.verify`'s reasons. */
const REASONS: Record<string, MessageKey> = {
  'entry was changed': 'audit.reason.changed',
  'previous hash does not match': 'audit.reason.chain',
  'missing entry': 'audit.reason.missing',
};

/** The verification as a sentence. */
export function verificationText(t: Translate, v: Verification, lang: 'sv' | 'en'): string {
  const n = v.entriesChecked.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');
  if (v.valid) return t('audit.verifyOk', { n });
  const reasonKey = REASONS[v.reason ?? ''];
  const reason = reasonKey ? t(reasonKey) : (v.reason ?? '');
  return t('audit.verifyBroken', { n, seq: v.firstBrokenSeq ?? '?', reason });
}

/** The event types administrators search for most, for the search form's suggestions. */
export const KNOWN_ACTIONS = [
  'login.*',
  'login.success',
  'login.failure',
  'logout',
  'unit.*',
  'provider.*',
  'case.*',
  'user.*',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.invite',
  'user.activate',
  'user.unlock',
  'password.*',
  'response.*',
  'response.read',
  'response.start',
  'response.answer',
  'response.submit',
  'usage.export',
  'audit.search',
];
