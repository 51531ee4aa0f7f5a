/**
 * The register (utförarregister) and matching API (`/api/register/**`, `/api/matching/**`). The calls go over
 * `rawJson` (not `openapi-fetch`), but the paths are in the client's OpenAPI snapshot and the types are tied to
 * it: `Criteria` is the generated schema; the others are hand-written because they know what springdoc's schema
 * does not (which fields are always sent, which can be null), and the `_Check…` types at the end make `tsc` fail
 * when the server's shape no longer agrees with them (see `contract.ts`). Shapes follow `se.placera.providers`.
 */
import { apiHeaders, ApiProblem, rawJson, type Problem } from './client';
import type { Agrees, Mismatch, Subset } from './contract';
import type { components, paths } from './schema';

type S = components['schemas'];
/** The query parameters of a GET in the contract. */
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

export interface Rating {
  value?: number | null;
  rawMean?: number | null;
  count: number;
  sufficient: boolean;
  /** What to show, e.g. "4,2 (12 svar)" or "för få svar". */
  display: string;
}

/** The search criteria, as the server's schema has them (every field optional). */
export type Criteria = S['Criteria'];

export interface Reason {
  factor: 'needs' | 'quality' | 'price' | 'distance' | 'agreement' | string;
  weight: number;
  score: number;
  points: number;
  /** Swedish explanation; the UI words it from code and params instead when it knows the code. */
  text: string;
  /** Stable code of the explanation, e.g. 'price.day' (docs/providers.md); '' when texts were not requested. */
  code?: string;
  params?: Record<string, string | number | boolean | string[]>;
}

export interface IvoSummary {
  number?: string | null;
  scope?: string[];
  validTo?: string | null;
  validForPlacementForm: boolean;
  hasDocument: boolean;
}

export interface Hit {
  rank: number;
  unitId: string;
  unitName: string;
  providerId?: string;
  providerName?: string;
  regi?: string;
  municipality?: string;
  locality?: string;
  focus?: string;
  targetGroups?: string[];
  placementForms?: string[];
  genders?: string[];
  minAge?: number | null;
  maxAge?: number | null;
  agreementType?: string | null;
  frameworkAgreement?: string | null;
  tenderArea?: string | null;
  noticePeriodDays?: number | null;
  places?: number | null;
  vacancies?: number | null;
  pricePerDay?: number | null;
  priceModel?: string | null;
  caseworkerRating?: Rating | null;
  clientRating?: Rating | null;
  breakdownRate?: number | null;
  endedPlacements: number;
  deviations: number;
  ivoPermit?: IvoSummary | null;
  distanceKm?: number | null;
  needsCovered?: string[];
  needsMissing?: string[];
  score: number;
  reasons: Reason[];
}

export interface MatchResult {
  profile: string;
  profileVersion: number;
  date: string;
  total: number;
  excluded: Record<string, number>;
  results: Hit[];
}

export interface CompareResult {
  units: Hit[];
  excluded: string[];
}

export interface UnitSummary {
  id: string;
  name: string;
  providerId?: string;
  providerName?: string;
  regi?: string;
  municipality?: string;
  locality?: string;
  targetGroups?: string[];
  placementForms?: string[];
  tenderArea?: string;
  agreementType?: string | null;
  frameworkAgreementId?: string | null;
  places?: number | null;
  vacancies?: number | null;
  pricePerDay?: number | null;
  priceModel?: string | null;
  caseworkerRating?: string | null;
  clientRating?: string | null;
  breakdownRate?: number | null;
  ivoValidTo?: string | null;
  active: boolean;
}

export interface UnitPage {
  total: number;
  offset: number;
  limit: number;
  items: UnitSummary[];
}

export interface Price {
  validFrom?: string | null;
  validTo?: string | null;
  model?: string;
  perDay?: number | null;
  levels?: unknown;
  [k: string]: unknown;
}

export interface Agreement {
  type?: string | null;
  frameworkAgreementId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

/** The fields of a unit, as sent to create one (the server gives it an id and version 1). */
export interface NewUnit {
  providerId: string;
  name: string;
  active?: boolean | null;
  municipality?: string | null;
  locality?: string | null;
  focus?: string | null;
  targetGroups?: string[];
  placementForms?: string[];
  legalBases?: string[];
  genders?: string[];
  minAge?: number | null;
  maxAge?: number | null;
  needs?: string[];
  places?: number | null;
  vacancies?: number | null;
  prices?: Price[];
  agreement?: Agreement | null;
  tenderArea?: string | null;
  noticePeriodDays?: number | null;
  ivoPermit?: { number?: string; scope?: string[]; validFrom?: string; validTo?: string; documentId?: string } | null;
  [k: string]: unknown;
}

/** A stored file of a unit (`Unit.DocumentRef`); its bytes are fetched by id. */
export interface DocumentRef {
  id: string;
  /** `information`, `avtal`, `ivo-tillstand` or `ovrigt`. */
  kind?: string | null;
  filename?: string | null;
  contentType?: string | null;
  size: number;
  uploadedAt?: string | null;
  uploadedBy?: string | null;
}

/** A unit as stored; unknown fields are kept and sent back unchanged on update. */
export interface Unit extends NewUnit {
  id: string;
  version?: number;
  /** Files are attached and removed through their own calls; an update keeps them. */
  documents?: DocumentRef[];
}

/** Why searches leave a unit out today (`Matching.Exclusion`): the filter's code and which case of it. */
export interface Exclusion {
  /** `inaktiv`, `ivo-tillstand` or `pris` (a warning: no price today). */
  code: string;
  detail: string;
  placementForm?: string | null;
  date: string;
}

/** The fields of a provider (utförare), as sent to create one. */
export interface NewProvider {
  name: string;
  orgNumber?: string | null;
  /** `extern` or `egen`. */
  regi?: string | null;
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  active?: boolean | null;
  [k: string]: unknown;
}

/** A provider as stored. */
export interface Provider extends NewProvider {
  id: string;
  version?: number;
}

export interface FrameworkAgreementSummary {
  id: string;
  name: string;
  placementForms?: string[];
  active?: boolean | null;
}

export interface Quality {
  caseworkerRating: Rating;
  clientRating: Rating;
  endedPlacements: number;
  unplannedEnds: number;
  breakdownRate?: number | null;
  deviations: number;
  updatedAt?: string | null;
}

export interface UnitDetails {
  unit: Unit;
  provider?: Provider | null;
  frameworkAgreement?: { id: string; name: string } | null;
  quality: Quality;
  currentPrice?: Price | null;
  /** Empty when searches can find the unit. */
  matchingExclusions: Exclusion[];
}

export interface ImportReport {
  mode: string;
  validateOnly: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  providersCreated: number;
  providersUpdated: number;
  errors?: Problem[];
}

// The hand-written types against the contract (contract.ts): each alias fails to compile naming the field that
// differs. `Subset` where the hand-written type names only some of the server's fields.
export type _CheckRating = Agrees<Mismatch<Rating, S['Rating']>>;
/** `params` is `Map<String, Object>` on the server (untyped in the schema): the hand-written value types stay. */
export type _CheckReason = Agrees<Mismatch<Reason, S['Reason']>>;
export type _CheckIvoSummary = Agrees<Mismatch<IvoSummary, S['IvoSummary']>>;
export type _CheckHit = Agrees<Mismatch<Hit, S['Hit']>>;
export type _CheckMatchResult = Agrees<Mismatch<MatchResult, S['Result']>>;
export type _CheckCompareResult = Agrees<Mismatch<CompareResult, S['CompareResult']>>;
export type _CheckUnitSummary = Agrees<Mismatch<UnitSummary, S['UnitSummary']>>;
export type _CheckUnitPage = Agrees<Mismatch<UnitPage, S['UnitPage']>>;
/** `Price`, `NewUnit`/`Unit` and `NewProvider`/`Provider` keep the fields they do not name (index signature). */
export type _CheckPrice = Agrees<Subset<Price, S['Price']>>;
export type _CheckAgreement = Agrees<Mismatch<Agreement, S['Agreement']>>;
export type _CheckUnit = Agrees<Subset<Unit, S['Unit']>>;
export type _CheckIvoPermit = Agrees<Mismatch<NonNullable<NewUnit['ivoPermit']>, S['IvoPermit']>>;
export type _CheckProvider = Agrees<Subset<Provider, S['Provider']>>;
export type _CheckContact = Agrees<Mismatch<NonNullable<NewProvider['contact']>, S['Contact']>>;
export type _CheckFrameworkAgreementSummary = Agrees<Subset<FrameworkAgreementSummary, S['FrameworkAgreement']>>;
export type _CheckQuality = Agrees<Mismatch<Quality, S['Quality']>>;
/** `frameworkAgreement` is the whole `FrameworkAgreement` on the server; the UI reads only the id and name. */
export type _CheckUnitDetails = Agrees<Mismatch<UnitDetails, S['UnitDetails'], 'frameworkAgreement'>>;
export type _CheckUnitDetailsAgreement = Agrees<Subset<NonNullable<UnitDetails['frameworkAgreement']>, S['FrameworkAgreement']>>;
export type _CheckExclusion = Agrees<Mismatch<Exclusion, S['Exclusion']>>;
export type _CheckDocumentRef = Agrees<Mismatch<DocumentRef, S['DocumentRef']>>;
export type _CheckImportReport = Agrees<Mismatch<ImportReport, S['RegisterImport']>>;

const enc = encodeURIComponent;

function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');
  return q ? `?${q}` : '';
}

/** Drops empty values so that a missing criterion does not filter. */
export function cleanCriteria(c: Criteria): Criteria {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length) || v === false) continue;
    if (typeof v === 'number' && Number.isNaN(v)) continue;
    out[k] = v;
  }
  return out as Criteria;
}

async function binary(method: string, path: string, body?: BodyInit, contentType?: string): Promise<Blob> {
  const headers = apiHeaders(method);
  headers.Accept = '*/*';
  if (contentType) headers['Content-Type'] = contentType;
  const r = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  if (!r.ok) {
    const json = await r.json().catch(() => ({}));
    throw new ApiProblem(r.status, json.code ?? `HTTP_${r.status}`, json.detail ?? r.statusText, json.errors ?? []);
  }
  return r.blob();
}

/** Offers a blob as a file download. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const matching = {
  search: (c: Criteria) => rawJson<MatchResult>('POST', '/api/matching/search', cleanCriteria(c)),
  compare: (c: Criteria, unitIds: string[]) =>
    rawJson<CompareResult>('POST', '/api/matching/compare', { criteria: cleanCriteria(c), unitIds }),
  export: (c: Criteria) => binary('POST', '/api/matching/export.xlsx', JSON.stringify(cleanCriteria(c)), 'application/json'),
};

export const register = {
  /** One page of the register list: `offset` (default 0) and `limit` (default 100, at most 1000); `total` counts all matches. */
  units: (params: Pick<Query<'/api/register/units'>, 'q' | 'providerId' | 'offset' | 'limit'> = {}) =>
    rawJson<UnitPage>('GET', `/api/register/units${queryString(params)}`),
  unit: (id: string) => rawJson<UnitDetails>('GET', `/api/register/units/${enc(id)}`),
  createUnit: (unit: NewUnit) => rawJson<UnitDetails>('POST', '/api/register/units', unit),
  updateUnit: (unit: Unit) => rawJson<UnitDetails>('PUT', `/api/register/units/${enc(unit.id)}`, unit),
  providers: (params: Query<'/api/register/providers'> = {}) => rawJson<Provider[]>('GET', `/api/register/providers${queryString(params)}`),
  provider: (id: string) => rawJson<Provider>('GET', `/api/register/providers/${enc(id)}`),
  createProvider: (provider: NewProvider) => rawJson<Provider>('POST', '/api/register/providers', provider),
  frameworkAgreements: () => rawJson<FrameworkAgreementSummary[]>('GET', '/api/register/framework-agreements'),
  /** Uploads the unit's IVO permit as PDF (the permit's fields are saved with the unit). */
  putIvoPdf: async (id: string, file: File) =>
    JSON.parse(await (await binary('PUT', `/api/register/units/${enc(id)}/ivo-permit/document${queryString({ filename: file.name })}`, file, 'application/pdf')).text()) as UnitDetails,
  ivoPdfUrl: (id: string) => `/api/register/units/${enc(id)}/ivo-permit/document`,
  /** Uploads a document of the unit; the server checks its content. */
  addDocument: async (id: string, kind: string, file: File) =>
    JSON.parse(
      await (await binary('POST', `/api/register/units/${enc(id)}/documents${queryString({ filename: file.name, kind })}`, file, file.type || 'application/octet-stream')).text(),
    ) as UnitDetails,
  documentUrl: (id: string, documentId: string) => `/api/register/units/${enc(id)}/documents/${enc(documentId)}`,
  removeDocument: (id: string, documentId: string) => rawJson<UnitDetails>('DELETE', `/api/register/units/${enc(id)}/documents/${enc(documentId)}`),
  template: () => binary('GET', '/api/register/template.xlsx'),
  exportAll: () => binary('GET', '/api/register/export.xlsx'),
  import: (file: Blob, mode: 'all-or-nothing' | 'valid-rows', validateOnly: boolean) =>
    binary('POST', `/api/register/import${queryString({ mode, validateOnly })}`, file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .then(async (b) => JSON.parse(await b.text()) as ImportReport),
};
