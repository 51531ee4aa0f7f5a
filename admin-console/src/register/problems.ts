import type { Problem } from '@rt/api/client';
import { isMessageKey, type Translate } from '@rt/i18n';

/** The id of the edit form's field for a problem's JSON pointer: "/agreement/type" → "u-agreement-type". */
export function fieldIdFor(pointer: string | undefined | null): string {
  const parts = (pointer ?? '').split('/').filter(Boolean);
  if (parts[0] === 'prices' && parts.length >= 3) return `u-prices-${parts[1]}-${parts[2]}`;
  return parts.length ? `u-${parts.join('-')}` : 'unit-form';
}

/** A problem's text: a known code in the UI language, else the server's detail. */
export function problemText(t: Translate, p: Problem): string {
  const key = `register.problem.${p.code}`;
  if (p.code === 'invalid-value' || !isMessageKey(key)) return p.detail ?? p.code ?? '';
  return t(key);
}
