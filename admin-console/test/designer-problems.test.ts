import { describe, expect, it } from 'vitest';
import { translate } from '@rt/i18n';
import type { Problem } from '@rt/api/client';
import { designerProblemText } from '../src/designer/Designer';

/** The designer says what is wrong in Swedish, never the server's English detail (issue #12, item 11). */
describe('designerProblemText', () => {
  const sv = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('sv', key, params);
  const problem = (code: string, params: Record<string, unknown> = {}): Problem =>
    ({ pointer: '/areas/0', code, detail: 'required property not found', params }) as Problem;

  it('fills in what the server names', () => {
    expect(designerProblemText(sv, problem('schema.required', { property: 'title' }))).toBe('Uppgiften ”title” saknas.');
    expect(designerProblemText(sv, problem('schema.maxLength', { limit: '200' }))).toBe('Texten är för lång (högst 200 tecken).');
    expect(designerProblemText(sv, problem('rule.unknown-question'))).toBe('Regeln läser en fråga som inte finns i metoden.');
  });

  it('has a Swedish text, with the code, for a code it does not know', () => {
    const text = designerProblemText(sv, problem('schema.propertyNames'));
    expect(text).toBe('Värdet är inte giltigt här (schema.propertyNames).');
    expect(text).not.toContain('required property');
  });
});
