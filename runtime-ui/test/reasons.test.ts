import { describe, expect, it } from 'vitest';
import { translate, type Lang } from '../src/i18n';
import type { Reason } from '../src/api/register';
import { reasonText } from '../src/matching/reasons';

const lists = { behov: [{ value: 'skolsvarigheter', label: 'Skolsvårigheter', labelEn: 'School difficulties' }] };

function word(r: Partial<Reason>, lang: Lang) {
  const reason = { factor: 'x', weight: 0.2, score: 1, points: 20, text: 'svensk text', ...r } as Reason;
  return reasonText(reason, (k, p) => translate(lang, k, p), lang, lists as never);
}

/** Matching reasons are worded from their codes (docs/providers.md), so the English UI shows English. */
describe('reasonText', () => {
  it('words each code in Swedish as the server does and in English', () => {
    const needs = { code: 'needs.covered', params: { covered: 1, total: 2, missing: ['skolsvarigheter'] } };
    expect(word(needs, 'sv').text).toBe('Tillgodoser 1 av 2 behov (saknar: Skolsvårigheter)');
    expect(word(needs, 'en').text).toBe('Meets 1 of 2 needs (missing: School difficulties)');

    const price = { code: 'price.day', params: { price: 3000, lowestLevel: false, min: 3000, max: 3000 } };
    expect(word(price, 'en').text).toBe('Price per day SEK 3,000');
    const range = { code: 'price.day', params: { price: 2400, lowestLevel: true, min: 1900, max: 3100 } };
    expect(word(range, 'sv').text.replace(/\u00a0/g, ' ')).toBe('Dygnspris 2 400 kr (lägsta nivå), spann i resultatet 1 900 kr–3 100 kr');

    const quality = { code: 'quality.summary', params: { clientRating: 4.25, breakdownPercent: 10, endedPlacements: 20, deviations: 2 } };
    expect(word(quality, 'en').text).toBe('Caseworker rating too few responses, client rating 4.3, breakdowns 10 % of 20 ended, 2 deviations');

    expect(word({ code: 'distance.km', params: { km: 12, locality: 'Uppsala' } }, 'en').text).toBe('12 km from Uppsala');
    expect(word({ code: 'agreement.ramavtal', params: { name: 'HVB 2025' } }, 'en').text).toBe('Framework agreement HVB 2025');
    expect(word({ code: 'agreement.not-valid' }, 'en')).toEqual({ text: 'The framework agreement does not apply on the date' });
  });

  it('falls back to the Swedish text, marked as Swedish, for a reason without a known code', () => {
    expect(word({ code: 'something.new' }, 'en')).toEqual({ text: 'svensk text', lang: 'sv' });
    expect(word({}, 'en')).toEqual({ text: 'svensk text', lang: 'sv' });
  });
});
