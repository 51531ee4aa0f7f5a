import { describe, expect, it } from 'vitest';
import { apiHeaders } from '../src/api/client';
import { fieldErrors, formatValue, questionOfPointer } from '../src/form/values';
import { translate } from '../src/i18n';
import { en } from '../src/i18n/en';
import { sv } from '../src/i18n/sv';

describe('values', () => {
  it('maps problem pointers and codes to field errors in Swedish', () => {
    const t = (k: Parameters<typeof translate>[1]) => translate('sv', k);
    expect(questionOfPointer('/answers/kategori')).toBe('kategori');
    expect(questionOfPointer('/revision')).toBeNull();
    expect(
      fieldErrors(
        [
          { pointer: '/answers/kategori', code: 'answer.required', detail: 'x' },
          { pointer: '/answers/antal', code: 'answer.type', detail: 'Expected a number' },
        ],
        t,
      ),
    ).toEqual({ kategori: 'Frågan måste besvaras.', antal: 'Expected a number' });
  });

  it('formats answers with labels', () => {
    const q = { id: 'x', kind: 'background', answerType: 'multiple', options: [{ value: 'a', label: 'A-label' }, { value: 'b', label: 'B' }] };
    expect(formatValue(q, ['a', 'b'])).toBe('A-label, B');
    expect(formatValue({ id: 'p', kind: 'rating', scale: 'percent' }, 40)).toBe('40 %');
  });
});

describe('texts', () => {
  it('has an English text for every Swedish one', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
  });
});

describe('api client', () => {
  it('sends the CSRF token from the cookie on changes only, and always the XHR marker', () => {
    document.cookie = 'XSRF-TOKEN=abc123';
    expect(apiHeaders('POST')['X-XSRF-TOKEN']).toBe('abc123');
    expect(apiHeaders('GET')['X-XSRF-TOKEN']).toBeUndefined();
    expect(apiHeaders('GET')['X-Requested-With']).toBe('XMLHttpRequest');
  });
});
