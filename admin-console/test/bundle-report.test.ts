import { describe, expect, it } from 'vitest';
import { translate } from '@rt/i18n';
import type { Bundle, ImportReport } from '@rt/api/client';
import { errorText, groups, itemText, summary } from '../src/pages/bundleReport';

const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('sv', k, p);
const kinds = [
  { name: 'method', plural: 'methods', title: 'Metod' },
  { name: 'codelist', plural: 'codelists', title: 'Kodlista' },
];

describe('the bundle import result', () => {
  const report: ImportReport = {
    validateOnly: false,
    applied: true,
    items: [
      { kind: 'codelist', id: 'kon', action: 'unchanged', version: 1, status: 'published' },
      { kind: 'method', id: 'ny-metod', action: 'created', version: 2, status: 'published' },
      { kind: 'method', id: 'utkast', action: 'draft-updated', version: 3, status: 'draft' },
    ],
    errors: [],
  };

  it('says in words what was imported', () => {
    expect(summary(t, report, false, 0)).toBe(
      'Importen är klar: 1 nya versioner, 0 publicerade, 1 uppdaterade utkast och 1 oförändrade definitioner.',
    );
    expect(summary(t, report, true, 0)).toContain('Kontrollen gick igenom');
    expect(summary(t, null, false, 2)).toBe('Inget importerades: bunten har 2 fel. Rätta dem och försök igen.');
    expect(groups(report).map((g) => g.action)).toEqual(['created', 'draft-updated', 'unchanged']);
    expect(itemText(t, kinds, report.items![1])).toBe('Metod ny-metod, version 2 (publicerad)');
  });

  it('places each error in the bundle the user chose', () => {
    const bundle = { format: 'placera-bundle/1', definitions: [{ kind: 'codelist', content: {} }, { content: { kind: 'method', id: 'trasig' } }] } as unknown as Bundle;
    expect(errorText(t, kinds, bundle, { pointer: '/definitions/1/content/areas/0/title', code: 'required', detail: 'Title is required.' })).toBe(
      'Post 2 (Metod trasig), fält areas/0/title: Title is required.',
    );
    expect(errorText(t, kinds, bundle, { pointer: '/definitions/0/kind', code: 'bundle.unknown-kind', detail: 'Unknown kind' })).toBe(
      'Post 1 (Kodlista), fält kind: Okänd sort av definition.',
    );
    expect(errorText(t, kinds, bundle, { pointer: '/definitions/0/content/items', code: 'schema.required', detail: "required property 'items' not found" })).toBe(
      'Post 1 (Kodlista), fält items: Uppgiften saknas.',
    );
    expect(errorText(t, kinds, bundle, { pointer: '/format', code: 'bundle.format', detail: 'x' })).toBe('fält format: Filen är inte en Placera-bunt (fel format).');
  });
});
