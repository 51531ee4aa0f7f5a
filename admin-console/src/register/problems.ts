import type { Problem } from '@rt/api/client';
import { isMessageKey, type Translate } from '@rt/i18n';

/**
 * The id of a register form's field for a problem's JSON pointer: "/agreement/type" → "u-agreement-type",
 * "/prices/0/perDay" → "u-prices-0-perDay"; a value of a coded list ("/targetGroups/1") belongs to the list's
 * field "u-targetGroups". Forms other than the unit's pass their own prefix ("p" for a provider).
 */
export function fieldIdFor(pointer: string | undefined | null, prefix = 'u', formId = 'unit-form'): string {
  const parts = (pointer ?? '').split('/').filter(Boolean);
  if (parts[0] === 'prices' && parts.length >= 3) return `${prefix}-prices-${parts[1]}-${parts[2]}`;
  while (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1])) parts.pop();
  return parts.length ? `${prefix}-${parts.join('-')}` : formId;
}

/** A problem's text: a known code in the UI language, else the server's detail. */
export function problemText(t: Translate, p: Problem): string {
  const key = `register.problem.${p.code}`;
  if (p.code === 'invalid-value' || !isMessageKey(key)) return p.detail ?? p.code ?? '';
  return t(key);
}
