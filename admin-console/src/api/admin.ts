/**
 * The administration APIs of `se.placera.users` and `se.placera.audit` (`/api/users`, `/api/organisation`,
 * `/api/audit`, `/api/usage`), called over `rawJson` like `@rt/api/register`. The paths are in the client's
 * OpenAPI snapshot: `AuditSearch` is the generated query, the other types are hand-written (they know which
 * fields are always sent and which can be null, which springdoc's schema does not) and the `_Check…` types at
 * the end make `tsc` fail when the server's shape no longer agrees (see `@rt/api/contract`). Shapes follow
 * `UsersController.UserView`, `UserService.UserRequest`, `AuditEntry`, `AuditLog.Verification` and
 * `UsageReport.Report`.
 */
import { apiHeaders, ApiProblem, rawJson } from '@rt/api/client';
import type { Agrees, Mismatch } from '@rt/api/contract';
import type { components, paths } from '@rt/api/schema';

type S = components['schemas'];

/** `se.placera.security.PlaceraModule`, in the order the server declares them. */
export const MODULES = ['PLACEMENT', 'FOLLOW_UP', 'ECONOMY', 'INDEX', 'REPORTS', 'REGISTER', 'ADMIN_CONSOLE'] as const;
export type Module = (typeof MODULES)[number];
/** `se.placera.security.AccessLevel`; a missing module means no access (NONE in the UI). */
export const LEVELS = ['READ', 'WRITE', 'ADMIN'] as const;
export type Level = (typeof LEVELS)[number];

export interface Change {
  at: string;
  by: string;
  action: string;
  details?: Record<string, unknown>;
}

export interface UserView {
  id: string;
  username: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  jobRole?: string | null;
  municipality?: string | null;
  administrations: string[];
  team?: string | null;
  permissions?: Record<string, string> | null;
  methodPermissions?: Record<string, string> | null;
  active: boolean;
  activated: boolean;
  keycloakId?: string | null;
  lockedUntil?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  deactivatedAt?: string | null;
  history?: Change[];
  revision?: number | null;
  /** The vendor's system administrator (set only by configuration or the first-administrator set-up). */
  system?: boolean;
  /** A provider user's provider in the register (provider users answer inquiries in the portal). */
  providerId?: string | null;
}

export interface UserRequest {
  username?: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  jobRole?: string;
  administrations: string[];
  team?: string;
  permissions: Record<string, string>;
  methodPermissions: Record<string, string>;
  keycloakId?: string;
  sendInvitation?: boolean;
  revision?: number | null;
}

export interface Department {
  name: string;
  teams?: string[];
}

export interface Administration {
  id: string;
  name: string;
  departments?: Department[];
  sharesWith?: string[];
}

export interface Municipality {
  id: string;
  name: string;
  administrations: Administration[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  actorAdministration?: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  administration?: string | null;
  outcome?: string | null;
  /** JSON values; an update's `changes` is `[{field, before, after}]`; entries before format 2 hold text only. */
  details?: Record<string, unknown> | null;
  prevHash?: string;
  hash?: string;
}

/** The audit search's query parameters, as the server declares them (`page` from 0, `size` 1–1000). */
export type AuditSearch = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

export interface AuditPage {
  entries: AuditEntry[];
  /** From the X-Total-Count header: entries matching over all pages. */
  total: number;
}

export interface Verification {
  valid: boolean;
  entriesChecked: number;
  firstBrokenSeq?: number | null;
  reason?: string | null;
}

export interface UserUsage {
  username: string;
  logins: Record<string, number>;
  loginsTotal: number;
  responsesSubmitted: Record<string, number>;
  answersSaved: Record<string, number>;
}

export interface UsageReport {
  from?: string | null;
  to?: string | null;
  users: UserUsage[];
}

// The hand-written types against the contract (`@rt/api/contract`): each alias fails to compile naming the
// field that differs. `/api/organisation` (`Municipality`, `Administration`, `Department`) stays unchecked: the
// controller returns `Object`, so the schema says only "object".
export type _CheckChange = Agrees<Mismatch<Change, S['Change']>>;
export type _CheckUserView = Agrees<Mismatch<UserView, S['UserView']>>;
export type _CheckUserRequest = Agrees<Mismatch<UserRequest, S['UserRequest']>>;
export type _CheckAuditEntry = Agrees<Mismatch<AuditEntry, S['AuditEntry']>>;
export type _CheckVerification = Agrees<Mismatch<Verification, S['Verification']>>;
export type _CheckUserUsage = Agrees<Mismatch<UserUsage, S['UserUsage']>>;
export type _CheckUsageReport = Agrees<Mismatch<UsageReport, S['Report']>>;

const enc = encodeURIComponent;

/** `?a=1&b=x` from the values that are set. */
export function queryString(params: object): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');
  return q ? `?${q}` : '';
}

/** A GET whose response headers matter too (the audit search's total). */
async function getWithHeaders(path: string, accept?: string): Promise<Response> {
  const headers = apiHeaders('GET');
  if (accept) headers.Accept = accept;
  const r = await fetch(path, { headers, credentials: 'same-origin' });
  if (!r.ok) {
    const body = await r.json().catch(() => ({}));
    throw new ApiProblem(r.status, body.code ?? `HTTP_${r.status}`, body.detail ?? r.statusText, body.errors ?? []);
  }
  return r;
}

export const users = {
  list: () => rawJson<UserView[]>('GET', '/api/users'),
  get: (id: string) => rawJson<UserView>('GET', `/api/users/${enc(id)}`),
  create: (body: UserRequest) => rawJson<UserView>('POST', '/api/users', body),
  update: (id: string, body: UserRequest) => rawJson<UserView>('PUT', `/api/users/${enc(id)}`, body),
  deactivate: (id: string) => rawJson<UserView>('POST', `/api/users/${enc(id)}/deactivate`),
  reactivate: (id: string) => rawJson<UserView>('POST', `/api/users/${enc(id)}/reactivate`),
  invite: (id: string) => rawJson<UserView>('POST', `/api/users/${enc(id)}/invitation`),
  unlock: (id: string) => rawJson<void>('POST', `/api/users/${enc(id)}/unlock`),
  organisation: () => rawJson<Municipality[]>('GET', '/api/organisation'),
};

export const audit = {
  async search(s: AuditSearch): Promise<AuditPage> {
    const r = await getWithHeaders(`/api/audit${queryString(s)}`);
    const entries = (await r.json()) as AuditEntry[];
    const total = Number(r.headers.get('X-Total-Count'));
    return { entries, total: Number.isFinite(total) && r.headers.has('X-Total-Count') ? total : entries.length };
  },
  verify: () => rawJson<Verification>('GET', '/api/audit/verify'),
};

export const usage = {
  report: (from: string, to: string) => rawJson<UsageReport>('GET', `/api/usage${queryString({ from, to })}`),
  /** The Excel workbook (an audited export). */
  export: async (from: string, to: string) => (await getWithHeaders(`/api/usage/export${queryString({ from, to })}`, '*/*')).blob(),
};
