import type { Problem } from '../api/client';
import { ApiProblem } from '../api/client';
import { isMessageKey, type Translate } from '../i18n';

/**
 * What the server said, in the UI's language: the problem's stable `code` is looked up as `problem.<code>`
 * (like matching reasons), else a text by status. The server's own `detail` is English and for developers; it is
 * never shown, so every message a user sees has a text in the bundles.
 */
export function problemText(error: unknown, t: Translate): string {
  if (!error) return '';
  if (error instanceof ApiProblem) {
    const key = `problem.${error.code}`;
    if (isMessageKey(key)) {
      const seconds = Number(error.properties.retryAfter);
      return t(key, Number.isFinite(seconds) ? { wait: waitText(seconds, t) } : undefined);
    }
    return statusText(error.status, t);
  }
  // fetch() rejects with a TypeError when the server cannot be reached.
  if (error instanceof TypeError) return t('problem.network');
  return error instanceof Error && error.message ? error.message : t('problem.unknown');
}

function statusText(status: number, t: Translate): string {
  if (status === 401) return t('problem.UNAUTHENTICATED');
  if (status === 403) return t('app.forbidden');
  if (status === 404) return t('problem.notFound');
  if (status === 409) return t('problem.conflict');
  if (status === 413) return t('problem.REQUEST_TOO_LARGE');
  if (status === 429) return t('problem.tooMany');
  if (status >= 500) return t('problem.server');
  return t('problem.invalid');
}

/** "30 sekunder", "1 minut", "5 minuter": how long to wait, rounded up to whole minutes above a minute. */
export function waitText(seconds: number, t: Translate): string {
  if (seconds <= 60) return t(seconds === 1 ? 'problem.second' : 'problem.seconds', { n: Math.max(1, Math.ceil(seconds)) });
  const minutes = Math.ceil(seconds / 60);
  return t(minutes === 1 ? 'problem.minute' : 'problem.minutes', { n: minutes });
}

/** A field problem's text by its code (`problem.field.<code>`), with the server's suggestion when it made one. */
export function fieldProblemText(p: Problem, t: Translate, suggestion?: string): string {
  const key = `problem.field.${p.code ?? ''}`;
  const text = isMessageKey(key) ? t(key) : t('problem.field.invalid');
  return suggestion ? `${text} ${t('problem.suggestion', { suggestion })}` : text;
}

/**
 * The field problems of an error by the top-level field their pointer addresses ("/needs/0" → "needs"): the text
 * for each field, shown at the field (aria-describedby) and in an error summary.
 */
export function fieldProblems(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const suggestion = typeof error.properties.suggestion === 'string' ? error.properties.suggestion : undefined;
  const out: Record<string, string> = {};
  for (const p of error.errors) {
    const field = (p.pointer ?? '').split('/')[1];
    if (!field || out[field]) continue;
    out[field] = fieldProblemText(p, t, p.code === 'unknown-locality' ? suggestion : undefined);
  }
  return out;
}
