import { describe, expect, it } from 'vitest';
import type { Problem } from '@rt/api/client';
import { translate, type Translate } from '@rt/i18n';
import { pointerFieldId, problemMessage } from '../src/common/problems';
import { registerFieldId as fieldIdFor } from '../src/register/fields';

const problemText = (t: Translate, p: Problem) => problemMessage(t, p, 'register');
const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('sv', k, p);

describe('register edit form problems', () => {
  it('maps JSON pointers to field ids', () => {
    expect(fieldIdFor('/vacancies')).toBe('u-vacancies');
    expect(fieldIdFor('/agreement/type')).toBe('u-agreement-type');
    expect(fieldIdFor('/prices/1/perDay')).toBe('u-prices-1-perDay');
    expect(fieldIdFor('')).toBe('unit-form');
    expect(fieldIdFor(undefined)).toBe('unit-form');
  });

  it('puts a coded value at its list and takes another form\'s prefix', () => {
    expect(fieldIdFor('/placementForms/1')).toBe('u-placementForms');
    expect(fieldIdFor('/ivoPermit/scope/0')).toBe('u-ivoPermit-scope');
    expect(fieldIdFor('/orgNumber', 'p', 'provider-form')).toBe('p-orgNumber');
    expect(fieldIdFor('/contact/email', 'p', 'provider-form')).toBe('p-contact-email');
    expect(fieldIdFor('', 'p', 'provider-form')).toBe('provider-form');
  });

  it('keeps a price row and its cell, and reads other forms\' pointers as they are', () => {
    expect(fieldIdFor('/prices/0')).toBe('u-prices');
    expect(fieldIdFor('/prices/2/validTo/extra')).toBe('u-prices-2-validTo');
    expect(pointerFieldId('user', '/permissions/FOLLOW_UP', 'user-form')).toBe('user-permissions-FOLLOW_UP');
    expect(pointerFieldId('user', '/list/1', 'user-form')).toBe('user-list-1');
    expect(pointerFieldId('user', '/a~1b', 'user-form')).toBe('user-a/b');
  });

  it('uses Swedish texts for known codes and the detail otherwise', () => {
    expect(problemText(t, { pointer: '/name', code: 'required', detail: 'name is required' })).toBe('Fyll i ett värde.');
    expect(problemText(t, { pointer: '/vacancies', code: 'vacancies-above-places', detail: 'There are more vacancies than places.' })).toBe(
      'Det kan inte finnas fler lediga platser än platser.',
    );
    expect(problemText(t, { pointer: '/places', code: 'invalid-value', detail: 'Must be 0–100000.' })).toBe('Must be 0–100000.');
    expect(problemText(t, { pointer: '/orgNumber', code: 'duplicate', detail: 'Provider x already has it.' })).toBe(
      'Det finns redan en utförare med det organisationsnumret.',
    );
  });
});
