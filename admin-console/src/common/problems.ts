import type { Problem } from '@rt/api/client';
import type { SummaryItem } from '@rt/form/ErrorSummary';
import { isMessageKey, type Translate } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';

/**
 * Field errors from RFC 9457 problem details (`errors[].pointer`, `code`): which field of a form a pointer names,
 * the problem's text in the UI language, and the items of the error summary. Shared by every edit form of the
 * console (the register's provider and unit forms, the user form); the markup is in `fields.tsx`.
 */

/** How a form's pointers map to its fields beyond "/a/b" → "<prefix>-a-b". */
export interface PointerRules {
  /** A value of a list ("/targetGroups/1", "/ivoPermit/scope/0") belongs to the list's field ("<prefix>-targetGroups"). */
  listValues?: boolean;
  /** Lists of rows whose cells are fields: "/prices/0/perDay/…" → "<prefix>-prices-0-perDay". */
  rows?: string[];
}

/**
 * The id of a form's field for a problem's JSON pointer: "/permissions/FOLLOW_UP" → "user-permissions-FOLLOW_UP"
 * (prefix "user"), "/agreement/type" → "u-agreement-type" (prefix "u"); `~1` and `~0` are unescaped. No pointer
 * (or an empty one) → the form's id.
 */
export function pointerFieldId(prefix: string, pointer: string | undefined | null, formId: string, rules: PointerRules = {}): string {
  const parts = (pointer ?? '').split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (rules.rows?.includes(parts[0]) && parts.length >= 3) return `${prefix}-${parts[0]}-${parts[1]}-${parts[2]}`;
  if (rules.listValues) while (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1])) parts.pop();
  return parts.length ? `${prefix}-${parts.join('-')}` : formId;
}

/** Codes whose text is always the server's detail (it says what is allowed, a range say). */
const DETAIL_CODES = ['invalid-value'];

/** What a problem's text may quote: the server's `params` (the refused `value`, the `codelist`…) as text. */
export function problemParams(p: Problem): Record<string, string> {
  const params = (p as Problem & { params?: Record<string, unknown> }).params ?? {};
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
}

/** A translated text with the problem's params filled in; a placeholder the problem has no value for is left out. */
export function withParams(t: Translate, key: MessageKey, params: Record<string, string>): string {
  return t(key, params).replace(/\s?\{\w+\}/g, '');
}

/**
 * A problem's text: `<namespace>.problem.<code>` in the UI language when it exists ("register", "users",
 * "audit"), with the problem's `params` (a refused value is named), else the server's detail.
 */
export function problemMessage(t: Translate, p: Problem, namespace: string): string {
  const key = `${namespace}.problem.${p.code}`;
  if (DETAIL_CODES.includes(p.code ?? '') || !isMessageKey(key)) return p.detail ?? p.code ?? '';
  return withParams(t, key, problemParams(p));
}

/** Where a form puts its problems. */
export interface ProblemPlaces {
  /** The form's id: the summary links to it for a problem no field on the page shows. */
  formId: string;
  /** The field of a pointer (usually `pointerFieldId` with the form's prefix). */
  fieldOf: (pointer?: string | null) => string;
  /** A problem's text (usually `problemMessage` with the form's namespace). */
  text: (p: Problem) => string;
  /** A field's label in the summary; without one the pointer is shown. */
  labelFor: (fieldId: string) => string | undefined;
  /** Whether a field is on the page (default: an element with that id exists). */
  exists?: (fieldId: string) => boolean;
}

/** The problems of a form (a 400's `errors`) and where they go: the texts at each field and the error summary. */
export class FormProblems {
  constructor(
    readonly problems: Problem[],
    readonly places: ProblemPlaces,
  ) {}

  /** A problem's text. */
  readonly text = (p: Problem): string => this.places.text(p);

  /** The texts of the problems at a field. */
  at(fieldId: string): string[] {
    return this.problems.filter((p) => this.places.fieldOf(p.pointer) === fieldId).map(this.text);
  }

  /**
   * The error summary's items: "<label>: <text>" linking to the field, or to the form when no such field is on
   * the page (a pointer the form does not show).
   */
  summary(): SummaryItem[] {
    const { fieldOf, labelFor, formId } = this.places;
    const exists = this.places.exists ?? ((id: string) => typeof document !== 'undefined' && !!document.getElementById(id));
    return this.problems.map((p) => {
      const fieldId = fieldOf(p.pointer);
      const label = labelFor(fieldId) ?? p.pointer ?? '';
      const text = this.text(p);
      return { fieldId: exists(fieldId) ? fieldId : formId, text: label ? `${label}: ${text}` : text };
    });
  }
}
