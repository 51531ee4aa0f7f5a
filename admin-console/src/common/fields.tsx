import type { ReactNode } from 'react';
import type { Problem } from '@rt/api/client';
import type { SummaryItem } from '@rt/form/ErrorSummary';
import { isMessageKey, useT, type Translate } from '@rt/i18n';

/**
 * Field errors from RFC 9457 problem details (`errors[].pointer`, `code`), shown at the field and in an error
 * summary, the way the register's unit form does it: a label, an optional hint, "Fel: …" under the label,
 * `aria-invalid` and `aria-describedby` on the control. Shared by the console's edit forms.
 */

/** The props a field hands its control. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** "/permissions/FOLLOW_UP" → "user-permissions-FOLLOW_UP" (prefix "user"); no pointer → the form's id. */
export function pointerFieldId(prefix: string, pointer: string | undefined | null, formId: string): string {
  const parts = (pointer ?? '').split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.length ? `${prefix}-${parts.join('-')}` : formId;
}

/** A problem's text: `<namespace>.problem.<code>` in the UI language when it exists, else the server's detail. */
export function problemMessage(t: Translate, p: Problem, namespace: string): string {
  const key = `${namespace}.problem.${p.code}`;
  return isMessageKey(key) ? t(key) : (p.detail ?? p.code ?? '');
}

/**
 * The error summary's items: "<label>: <text>" linking to the field, or to the form when no such field is on
 * the page (a pointer the form does not show).
 */
export function summaryItems(
  problems: Problem[],
  fieldIdFor: (pointer?: string | null) => string,
  labelFor: (fieldId: string) => string | undefined,
  text: (p: Problem) => string,
  formId: string,
  exists: (id: string) => boolean = (id) => typeof document !== 'undefined' && !!document.getElementById(id),
): SummaryItem[] {
  return problems.map((p) => {
    const fieldId = fieldIdFor(p.pointer);
    const label = labelFor(fieldId) ?? p.pointer ?? '';
    return { fieldId: exists(fieldId) ? fieldId : formId, text: label ? `${label}: ${text(p)}` : text(p) };
  });
}

/** A labelled control with its hint and its errors. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: string[];
  children: (props: ControlProps) => ReactNode;
}) {
  const t = useT();
  const described = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errors.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={errors} prefix={t('form.errorPrefix')} />
      {children({ id, 'aria-invalid': errors.length ? true : undefined, 'aria-describedby': described })}
    </div>
  );
}

/** "Fel: …" under a field or a group's legend. */
export function FieldErrors({ id, errors, prefix }: { id: string; errors: string[]; prefix: string }) {
  if (!errors.length) return null;
  return (
    <p id={id} className="field-error">
      {errors.map((e) => `${prefix} ${e}`).join(' ')}
    </p>
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
