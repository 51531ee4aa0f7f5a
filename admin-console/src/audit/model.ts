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

/** An event type's Swedish name, with the code for searching: "Användare skapad (user.create)". */
export function actionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? `${t(key)} (${action})` : action;
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
