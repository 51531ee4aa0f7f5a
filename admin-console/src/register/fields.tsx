import type { ReactNode } from 'react';
import type { Problem } from '@rt/api/client';
import { useI18n, type Translate } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { Link, query } from '@rt/app/router';
import { codeLabel, type Codelists } from '@rt/matching/codelists';
import { describedBy, HintAndErrors, RequiredMark } from '../common/fields';
import { FormProblems, pointerFieldId, problemMessage } from '../common/problems';

/**
 * What only the register's forms (new provider, new unit, edit unit) and record pages have: their pointers and
 * problem texts, coded lists as checkbox groups, the heading and the read-only rows of a record. The fields, the
 * required marker, the errors, the saving hook and the conflict notice are the console's (`common/`).
 */

/**
 * The id of a register form's field for a problem's JSON pointer: "/agreement/type" → "u-agreement-type",
 * "/prices/0/perDay" → "u-prices-0-perDay"; a value of a coded list ("/targetGroups/1") belongs to the list's
 * field "u-targetGroups". Forms other than the unit's pass their own prefix ("p" for a provider).
 */
export function registerFieldId(pointer: string | undefined | null, prefix = 'u', formId = 'unit-form'): string {
  return pointerFieldId(prefix, pointer, formId, { listValues: true, rows: ['prices'] });
}

/** A register form's problems: texts `register.problem.<code>`, labels in the summary from `labels`. */
export function registerProblems(problems: Problem[], t: Translate, labels: Record<string, MessageKey>, prefix = 'u', formId = 'unit-form'): FormProblems {
  return new FormProblems(problems, {
    formId,
    fieldOf: (pointer) => registerFieldId(pointer, prefix, formId),
    text: (p) => problemMessage(t, p, 'register'),
    labelFor: (fieldId) => (labels[fieldId] ? t(labels[fieldId]) : undefined),
  });
}

/** A concurrent change of a unit: the server's 409 code. */
export const CONCURRENT_UPDATE = 'CONCURRENT_UPDATE';

/** The codelists of a unit's coded fields. */
export const REGISTER_CODELISTS = ['malgrupper', 'placeringsformer', 'lagrum', 'kon', 'behov'];

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
