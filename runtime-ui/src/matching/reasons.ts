import { isMessageKey, type Lang, type Translate } from '../i18n';
import type { Reason } from '../api/register';
import { codeLabel, type Codelists } from './codelists';

/**
 * A matching reason worded in the UI's language from its code and parameters. Falls back to the server's Swedish
 * text (marked lang="sv" by the caller) for a reason without a code or with a code this UI does not know.
 */
export function reasonText(r: Reason, t: Translate, lang: Lang, lists: Codelists): { text: string; lang?: 'sv' } {
  const code = r.code ?? '';
  const key = `matching.reason.${code}`;
  if (!code || !isMessageKey(key)) return { text: r.text, lang: 'sv' };
  const p = r.params ?? {};
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  const num = (v: unknown, digits = 0) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(v));
  const amount = (v: unknown) => t('matching.reason.amount', { amount: num(v) });
  switch (code) {
    case 'needs.covered': {
      const text = t(key, { covered: Number(p.covered), total: Number(p.total) });
      const missing = Array.isArray(p.missing) ? p.missing : [];
      return {
        text: missing.length
          ? t('matching.reason.needs.missing', { text, missing: missing.map((m) => codeLabel(lists, 'behov', m, lang)).join(', ') })
          : text,
      };
    }
    case 'quality.summary': {
      const rating = (v: unknown) => (v === undefined || v === null ? t('matching.reason.quality.noRating') : num(v, 1));
      const breakdown = p.breakdownPercent === undefined
        ? t('matching.reason.quality.noEnded')
        : t('matching.reason.quality.breakdown', { percent: Number(p.breakdownPercent), ended: Number(p.endedPlacements) });
      const text = t(key, { caseworker: rating(p.caseworkerRating), client: rating(p.clientRating), breakdown });
      return { text: Number(p.deviations) > 0 ? t('matching.reason.quality.deviations', { text, n: Number(p.deviations) }) : text };
    }
    case 'price.day': {
      let text = t(key, { price: amount(p.price) });
      if (p.lowestLevel === true) text = t('matching.reason.price.lowestLevel', { text });
      if (p.min !== p.max) text = t('matching.reason.price.range', { text, min: amount(p.min), max: amount(p.max) });
      return { text };
    }
    case 'price.individual':
    case 'price.none': {
      const text = t(key);
      return p.maxPriceNotApplied === undefined ? { text } : { text: t('matching.reason.price.notApplied', { text, max: amount(p.maxPriceNotApplied) }) };
    }
    case 'vacancy.available':
      return { text: t(Number(p.vacancies) === 1 ? 'matching.reason.vacancy.one' : key, { n: Number(p.vacancies) }) };
    case 'distance.km':
      return { text: t(key, { km: num(p.km), place: typeof p.locality === 'string' ? p.locality : t('matching.reason.distance.givenPlace') }) };
    case 'agreement.ramavtal':
      return { text: t(key, { name: String(p.name ?? '') }) };
    default:
      return { text: t(key) };
  }
}
