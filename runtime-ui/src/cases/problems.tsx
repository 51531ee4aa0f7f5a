import { ApiProblem } from '../api/client';
import { isMessageKey, useI18n } from '../i18n';

/** The Swedish (or English) text of a field problem's code. */
export function useFieldText() {
  const { t } = useI18n();
  return (code: string) => {
    const key = `caseField.${code}`;
    return isMessageKey(key) ? t(key) : t('caseField.other');
  };
}

/** Field errors of a problem by JSON pointer ('/personalIdentityNumber' → text). */
export function fieldErrors(error: unknown, text: (code: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiProblem) {
    for (const e of error.errors) {
      const pointer = e.pointer ?? '';
      if (!out[pointer]) out[pointer] = text(e.code ?? 'other');
    }
  }
  return out;
}

/** A case problem as an alert, with its stable code translated; other errors as their message. */
export function CaseProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  let text: string;
  if (error instanceof ApiProblem && isMessageKey(`caseProblem.${error.code}`)) {
    text = t(`caseProblem.${error.code}` as Parameters<typeof t>[0], { detail: error.message });
  } else if (error instanceof ApiProblem && error.status === 403) {
    text = t('app.forbidden');
  } else {
    text = t('app.error', { detail: error instanceof Error ? error.message : String(error) });
  }
  return (
    <p className="error-message" role="alert">
      {text}
    </p>
  );
}

/** A field's error text under its label (the field names it in aria-describedby). */
export function FieldError({ id, text }: { id: string; text?: string }) {
  const { t } = useI18n();
  if (!text) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-strong">{t('form.errorPrefix')}</span> {text}
    </p>
  );
}
