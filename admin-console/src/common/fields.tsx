import type { ReactNode } from 'react';
import type { Problem } from '@rt/api/client';
import { useT } from '@rt/i18n';
import type { FormProblems } from './problems';

/**
 * The markup of a field with the server's problems (see `problems.ts`): a label (with " (obligatorisk)" when the
 * server requires the field), an optional hint (`<id>-hint`), "Fel: …" under the label (`<id>-error`), and
 * `aria-invalid`, `aria-describedby` and `aria-required` on the control. Shared by the console's edit forms.
 */

/** The attributes a field hands its control: its id and, when it has a hint or errors, what describes it. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

/** What describes a control (or a group): its hint and its errors. */
export function describedBy(id: string, hint: boolean, errors: boolean): string | undefined {
  return [hint ? `${id}-hint` : '', errors ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** " (obligatorisk)" after the label of a field the server requires. */
export function RequiredMark({ required }: { required?: boolean }) {
  const t = useT();
  return required ? <span className="required-mark"> ({t('form.required')})</span> : null;
}

/** "Fel: …" under a field or a group's legend; nothing without errors. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  const t = useT();
  if (!errors.length) return null;
  return (
    <p id={id} className="field-error">
      {errors.map((e) => `${t('form.errorPrefix')} ${e}`).join(' ')}
    </p>
  );
}

/** Under a field's label or a group's legend: its hint (`<id>-hint`), then its errors (`<id>-error`). */
export function HintAndErrors({ id, hint, errors }: { id: string; hint?: string; errors: string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </>
  );
}

/**
 * A labelled field: label (with the required marker), hint, the errors the form's problems place at its id, then
 * the control.
 */
export function Field({
  id,
  label,
  problems,
  required,
  hint,
  children,
}: {
  id: string;
  label: string;
  /** The form's problems; without them the field shows no errors. */
  problems?: FormProblems;
  required?: boolean;
  hint?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const errors = problems?.at(id) ?? [];
  return (
    <div className={`field${errors.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
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

/** Someone else saved first (409): say so and offer to read the latest version. */
export function ConflictAlert({ title, text, reload, onReload }: { title: string; text: string; reload: string; onReload: () => void }) {
  return (
    <div className="error-summary" role="alert">
      <h2>{title}</h2>
      <p>{text}</p>
      <button type="button" className="secondary" onClick={onReload}>
        {reload}
      </button>
    </div>
  );
}

/** The problems a metadata call returned (a 400's `errors`, a save's warnings) under "Fel"; nothing without problems. */
export function ProblemList({ problems, item }: { problems: Problem[]; item: (p: Problem) => ReactNode }) {
  const t = useT();
  if (!problems.length) return null;
  return (
    <div className="error-summary" role="alert">
      <h2>{t('admin.errors')}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{item(p)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The options of a select that may be left unchosen: "Välj" (the empty value), then one option a choice. */
export function ChoiceOptions({ choices }: { choices: { value: string; label: string }[] }) {
  const t = useT();
  return (
    <>
      <option value="">{t('form.choose')}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}

/** What the last call did ("Sparad version 3", say), read out politely. */
export function OkNote({ note }: { note: string | null }) {
  return (
    <p className="ok-message" aria-live="polite">
      {note}
    </p>
  );
}
