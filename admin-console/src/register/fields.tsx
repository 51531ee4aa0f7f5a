import { useState, type ReactNode } from 'react';
import { ApiProblem, type Problem } from '@rt/api/client';
import type { SummaryItem } from '@rt/form/ErrorSummary';
import { useI18n, type Translate } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { Link, query } from '@rt/app/router';
import { codeLabel, type Codelists } from '@rt/matching/codelists';
import { fieldIdFor, problemText } from './problems';

/**
 * What the register's forms (new provider, new unit, edit unit) share: fields with a required marker, a hint and
 * the server's problems (RFC 9457 `errors[]`, placed by `pointer`), coded lists as checkbox groups, and the
 * error summary.
 */

/** The attributes a field's control gets: its id and, when it has a hint or errors, what describes it. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

/** The problems of a form and where they go: the field of a pointer under the form's id prefix. */
export class FormProblems {
  constructor(
    readonly problems: Problem[],
    readonly prefix = 'u',
    readonly formId = 'unit-form',
  ) {}

  fieldOf(p: Problem): string {
    return fieldIdFor(p.pointer, this.prefix, this.formId);
  }

  at(fieldId: string): Problem[] {
    return this.problems.filter((p) => this.fieldOf(p) === fieldId);
  }

  /** The error summary: "<label>: <text>", linking to the field (or the form when no field shows it). */
  summary(t: Translate, labels: Record<string, MessageKey>): SummaryItem[] {
    return this.problems.map((p) => {
      const fieldId = this.fieldOf(p);
      const known = typeof document !== 'undefined' && !!document.getElementById(fieldId);
      const name = labels[fieldId] ? t(labels[fieldId]) : (p.pointer ?? '');
      return { fieldId: known ? fieldId : this.formId, text: name ? `${name}: ${problemText(t, p)}` : problemText(t, p) };
    });
  }
}

/** The codelists of a unit's coded fields. */
export const REGISTER_CODELISTS = ['malgrupper', 'placeringsformer', 'lagrum', 'kon', 'behov'];

/**
 * Saving a register form: `save(run, done)` clears what the last attempt found, runs the call and sorts a failure
 * into field problems (400 with `errors`), a concurrent change (409 `CONCURRENT_UPDATE`) or another error.
 */
export function useSaving() {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async <T,>(run: () => Promise<T>, done: (result: T) => void) => {
    setBusy(true);
    setProblems([]);
    setConflict(false);
    setError(null);
    try {
      done(await run());
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 409 && err.code === 'CONCURRENT_UPDATE') setConflict(true);
      else if (err instanceof ApiProblem && err.status === 400 && err.errors.length) setProblems(err.errors);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { problems, conflict, setConflict, error, setError, busy, save };
}

/**
 * The top of a provider's or unit's page: back to the register, the name, "created" when the address says the
 * record was just made (`?created=1`), then status, version and the page's actions.
 */
export function RecordHeading({ name, active, version, created, children }: { name: string; active?: boolean | null; version?: number; created: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/register">{t('register.back')}</Link>
      </p>
      <h1>{name}</h1>
      {query('created') !== null ? (
        <p className="ok-message" role="status">
          {t(created)}
        </p>
      ) : null}
      <p className="toolbar">
        <span className="status-tag">{active === false ? t('register.inactive') : t('register.activeTag')}</span>
        <span>
          {t('admin.version')} {version}
        </span>
        {children}
      </p>
    </>
  );
}

/** One line of a record's read-only view: the label, and the value or "–". */
export function SummaryRow({ label, value }: { label: MessageKey; value: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="summary-row">
      <dt>{t(label)}</dt>
      <dd>{value === '' || value === null || value === undefined ? '–' : value}</dd>
    </div>
  );
}

/** " (obligatorisk)" after the label of a field the server requires. */
export function RequiredMark({ required }: { required?: boolean }) {
  const { t } = useI18n();
  return required ? <span className="required-mark"> ({t('form.required')})</span> : null;
}

/** Under a field's label: its hint (`<id>-hint`), then its errors (`<id>-error`, each "Fel: …"). */
function HintAndErrors({ id, hint, errors }: { id: string; hint?: string; errors: Problem[] }) {
  const { t } = useI18n();
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.map((p) => `${t('form.errorPrefix')} ${problemText(t, p)}`).join(' ')}
        </p>
      ) : null}
    </>
  );
}

/** What describes a control: its hint and its errors. */
function describedBy(fieldId: string, hint: boolean, errors: boolean): string | undefined {
  return [hint ? `${fieldId}-hint` : '', errors ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A labelled field: label (with the required marker), hint, errors at the field, then the control. */
export function Field({
  id,
  label,
  problems,
  required,
  hint,
  children,
}: {
  id: string;
  label: MessageKey;
  problems: FormProblems;
  required?: boolean;
  hint?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const { t } = useI18n();
  const errors = problems.at(id);
  return (
    <div className={`field${errors.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {t(label)}
        <RequiredMark required={required} />
      </label>
      <HintAndErrors id={id} hint={hint} errors={errors} />
      {children({
        id,
        'aria-invalid': errors.length ? true : undefined,
        'aria-describedby': describedBy(id, !!hint, errors.length > 0),
        'aria-required': required || undefined,
      })}
    </div>
  );
}

/**
 * A group of choices (checkboxes or radio buttons) in a fieldset; the first control carries the field's id so that
 * the error summary can focus it.
 */
export function ChoiceGroup({
  id,
  legend,
  problems,
  required,
  hint,
  type,
  choices,
  values,
  onChange,
  grid,
}: {
  id: string;
  legend: MessageKey;
  problems: FormProblems;
  required?: boolean;
  hint?: string;
  type: 'checkbox' | 'radio';
  choices: { value: string; label: string }[];
  values: string[];
  onChange: (values: string[]) => void;
  grid?: boolean;
}) {
  const { t } = useI18n();
  const errors = problems.at(id);
  return (
    <fieldset
      className={`field choice-group${errors.length ? ' has-error' : ''}`}
      aria-describedby={describedBy(id, !!hint, errors.length > 0)}
    >
      <legend>
        {t(legend)}
        <RequiredMark required={required} />
      </legend>
      <HintAndErrors id={id} hint={hint} errors={errors} />
      <div className={grid ? 'needs-grid' : undefined}>
        {choices.map((c, i) => {
          const controlId = i === 0 ? id : `${id}-${c.value}`;
          const checked = values.includes(c.value);
          return (
            <div className="choice" key={c.value}>
              <input
                type={type}
                id={controlId}
                name={id}
                value={c.value}
                checked={checked}
                aria-invalid={errors.length ? true : undefined}
                onChange={(e) =>
                  onChange(type === 'radio' ? [c.value] : e.target.checked ? [...values, c.value] : values.filter((v) => v !== c.value))
                }
              />
              <label htmlFor={controlId}>{c.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The choices of a published codelist, labelled in the UI language; values not in the list are kept and shown. */
export function codeChoices(lists: Codelists, list: string, lang: 'sv' | 'en', values: string[] = []): { value: string; label: string }[] {
  const items = (lists[list] ?? []).map((i) => ({ value: i.value, label: codeLabel(lists, list, i.value, lang) }));
  const missing = values.filter((v) => !items.some((i) => i.value === v)).map((v) => ({ value: v, label: v }));
  return [...items, ...missing];
}

export const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));
export const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
