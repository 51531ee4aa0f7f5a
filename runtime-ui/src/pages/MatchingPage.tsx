import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { matching, saveBlob, type CompareResult, type Criteria, type Hit, type MatchResult, type Rating, type Reason } from '../api/register';
import { DateInput } from '../app/DateInput';
import { fieldProblems } from '../app/problems';
import { ErrorMessage } from '../app/Shell';
import { ErrorSummary } from '../form/ErrorSummary';
import { ApiProblem } from '../api/client';
import { isMessageKey, useI18n, type Translate } from '../i18n';
import type { MessageKey } from '../i18n/sv';
import { codeLabel, placementFormsFor, useCodelists, type CodeItem, type Codelists } from '../matching/codelists';
import { reasonText } from '../matching/reasons';
import { canAdd, formatKr, formatRate, MAX_COMPARE, toggleSelection } from '../matching/selection';

const LISTS = ['malgrupper', 'placeringsformer', 'lagrum', 'kon', 'behov', 'orter'];

interface FormValues {
  targetGroup: string;
  placementForm: string;
  legalBasis: string;
  gender: string;
  age: string;
  needs: string[];
  locality: string;
  maxPrice: string;
  dateNeeded: string;
  frameworkOnly: boolean;
  requireVacancy: boolean;
  limit: string;
}

const empty: FormValues = {
  targetGroup: '',
  placementForm: '',
  legalBasis: '',
  gender: '',
  age: '',
  needs: [],
  locality: '',
  maxPrice: '',
  dateNeeded: '',
  frameworkOnly: false,
  requireVacancy: false,
  limit: '25',
};

function toCriteria(v: FormValues): Criteria {
  return {
    targetGroup: v.targetGroup,
    placementForm: v.placementForm,
    legalBasis: v.legalBasis,
    gender: v.gender,
    age: v.age === '' ? undefined : Number(v.age),
    needs: v.needs,
    locality: v.locality.trim(),
    maxPrice: v.maxPrice === '' ? undefined : Number(v.maxPrice),
    dateNeeded: v.dateNeeded,
    frameworkOnly: v.frameworkOnly,
    requireVacancy: v.requireVacancy,
    limit: Number(v.limit),
  };
}

function label(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export function ratingText(t: Translate, r: Rating | null | undefined, lang: 'sv' | 'en'): string {
  if (!r) return '–';
  if (!r.sufficient || r.value === null || r.value === undefined) return t('matching.tooFew', { n: r.count });
  const value = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r.value);
  return t('matching.rating', { value, n: r.count });
}

/** A reason in the UI's language; the server's Swedish text, marked as Swedish, when the code is unknown. */
function ReasonText({ reason, lists }: { reason: Reason; lists: Codelists }) {
  const { t, lang } = useI18n();
  const worded = reasonText(reason, t, lang, lists);
  return worded.lang && worded.lang !== lang ? <span lang={worded.lang}>{worded.text}</span> : <>{worded.text}</>;
}

function ivoText(t: Translate, h: Hit, lang: 'sv' | 'en'): string {
  const p = h.ivoPermit;
  if (h.regi === 'egen' && !p) return t('matching.ivoOwn');
  if (!p) return t('matching.ivoNone');
  const base = p.validTo ? t('matching.ivoValidTo', { date: formatDay(p.validTo, lang) }) : t('matching.ivoYes');
  return p.validForPlacementForm ? base : `${base} ${t('matching.ivoNotForForm')}`;
}

/** A calendar date the Swedish way ("31 dec. 2027"), or English ("31 Dec 2027"). */
export function formatDay(iso: string, lang: 'sv' | 'en'): string {
  const d = new Date(`${iso.substring(0, 10)}T12:00:00`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** "Flicka/kvinna" or "Alla" (a unit without genders takes all). */
export function gendersText(t: Translate, h: Hit, lists: Codelists, lang: 'sv' | 'en'): string {
  return h.genders?.length ? h.genders.map((g) => codeLabel(lists, 'kon', g, lang)).join(', ') : t('matching.allGenders');
}

/** "13–17 år", "från 18 år", "alla åldrar". */
export function agesText(t: Translate, h: Hit): string {
  if (h.minAge == null && h.maxAge == null) return t('matching.allAges');
  if (h.maxAge == null) return t('matching.agesFrom', { min: h.minAge ?? 0 });
  return t('matching.agesValue', { min: h.minAge ?? 0, max: h.maxAge });
}

/** "8 platser, 2 lediga", "8 platser, 1 ledig", "8 platser, inga lediga". */
export function placesText(t: Translate, h: Hit): string {
  const places = h.places ?? '–';
  if (h.vacancies == null) return t('matching.placesUnknown', { places });
  if (h.vacancies === 0) return t('matching.placesNone', { places });
  return t(h.vacancies === 1 ? 'matching.placesValueOne' : 'matching.placesValue', { places, vacancies: h.vacancies });
}

/** "Sök placering" (PA-1, PA-2): criteria → ranked units with reasons; compare up to four side by side. */
export function MatchingPage() {
  const { t, lang } = useI18n();
  const lists = useCodelists(LISTS);
  const [v, setV] = useState<FormValues>(empty);
  const [criteria, setCriteria] = useState<Criteria | null>(null);
  const [result, setResult] = useState<MatchResult | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [compared, setCompared] = useState<CompareResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const compareHeading = useRef<HTMLHeadingElement>(null);
  const set = (patch: Partial<FormValues>) => setV((x) => ({ ...x, ...patch }));
  // Where focus goes once the new results or the comparison are on the page (after React has rendered them).
  const focusAfterRender = useRef<'results' | 'compare' | null>(null);
  useEffect(() => {
    const target = focusAfterRender.current === 'results' ? resultsHeading.current : focusAfterRender.current === 'compare' ? compareHeading.current : null;
    if (!target || busy) return;
    focusAfterRender.current = null;
    target.scrollIntoView?.({ block: 'start' });
    target.focus();
  }, [result, compared, busy]);
  const fieldErrors = fieldProblems(error, t);
  const suggestion = error instanceof ApiProblem && typeof error.properties.suggestion === 'string' ? error.properties.suggestion : null;
  const forms = placementFormsFor(lists, v.targetGroup);
  const chooseTargetGroup = (targetGroup: string) =>
    setV((x) => ({
      ...x,
      targetGroup,
      // A placement form that does not take the new target group is dropped, not searched for in vain.
      placementForm: placementFormsFor(lists, targetGroup).some((f) => f.value === x.placementForm) ? x.placementForm : '',
    }));
  const clearResults = () => {
    setResult(null);
    setCriteria(null);
    setSelected([]);
    setCompared(null);
    setActionError(null);
  };

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setActionError(null);
    setBusy(true);
    try {
      const c = toCriteria(v);
      const r = await matching.search(c);
      setCriteria(c);
      setResult(r);
      setSelected([]);
      setCompared(null);
      focusAfterRender.current = 'results';
    } catch (err) {
      // Results of earlier criteria no longer apply: clear them rather than show them under the error.
      setError(err);
      clearResults();
    } finally {
      setBusy(false);
    }
  };

  const compare = async () => {
    if (!criteria) return;
    setActionError(null);
    try {
      setCompared(await matching.compare(criteria, selected));
      // The comparison opens below the list: take the user (and the screen reader) there.
      focusAfterRender.current = 'compare';
    } catch (err) {
      setActionError(err);
    }
  };

  const exportExcel = async () => {
    if (!criteria) return;
    try {
      saveBlob(await matching.export(criteria), `matchning-${new Date().toISOString().substring(0, 10)}.xlsx`);
    } catch (err) {
      setActionError(err);
    }
  };

  /** The error at a field: id, aria-describedby and aria-invalid for the control, and the text under it. */
  const fieldError = (id: string, field: string) =>
    fieldErrors[field] ? (
      <p id={`${id}-error`} className="field-error">
        <span className="visually-strong">{t('form.errorPrefix')}</span> {fieldErrors[field]}
        {field === 'locality' && suggestion ? (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => { set({ locality: suggestion }); setError(null); }}>
              {t('matching.useSuggestion', { suggestion })}
            </button>
          </>
        ) : null}
      </p>
    ) : null;
  const invalid = (id: string, field: string, describedBy?: string) => ({
    'aria-invalid': fieldErrors[field] ? true : undefined,
    'aria-describedby': [describedBy, fieldErrors[field] ? `${id}-error` : null].filter(Boolean).join(' ') || undefined,
  });
  const FIELD_IDS: Record<string, string> = {
    targetGroup: 'm-targetGroup', placementForm: 'm-placementForm', legalBasis: 'm-legalBasis', gender: 'm-gender', age: 'm-age',
    locality: 'm-locality', maxPrice: 'm-maxPrice', dateNeeded: 'm-dateNeeded', limit: 'm-limit', needs: `m-need-${lists.behov?.[0]?.value ?? ''}`,
  };
  const summary = Object.entries(fieldErrors).map(([field, text]) => ({ fieldId: FIELD_IDS[field] ?? 'm-targetGroup', text }));

  const select = (id: string, list: string, value: string, onChange: (s: string) => void, name: MessageKey, items?: CodeItem[]) => (
    <div className={`field${fieldErrors[id.substring(2)] ? ' has-error' : ''}`}>
      <label htmlFor={id}>{t(name)}</label>
      {fieldError(id, id.substring(2))}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...invalid(id, id.substring(2))}>
        <option value="">{t('matching.any')}</option>
        {(items ?? lists[list] ?? []).map((i) => (
          <option key={i.value} value={i.value}>
            {codeLabel(lists, list, i.value, lang)}
          </option>
        ))}
      </select>
    </div>
  );

  const excluded = result ? Object.entries(result.excluded).filter(([, n]) => n > 0) : [];

  return (
    <>
      <h1>{t('matching.title')}</h1>
      <p className="area-description">{t('matching.intro')}</p>
      <ErrorSummary items={summary} />
      {summary.length ? null : <ErrorMessage error={error} />}
      <form className="panel matching-form" onSubmit={search} aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t('matching.criteria')}</h2>
        <fieldset>
          <legend>{t('matching.placement')}</legend>
          <div className="inline-form">
            {select('m-targetGroup', 'malgrupper', v.targetGroup, chooseTargetGroup, 'matching.targetGroup')}
            {select('m-placementForm', 'placeringsformer', v.placementForm, (s) => set({ placementForm: s }), 'matching.placementForm', forms)}
            {select('m-legalBasis', 'lagrum', v.legalBasis, (s) => set({ legalBasis: s }), 'matching.legalBasis')}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('matching.client')}</legend>
          <div className="inline-form">
            {select('m-gender', 'kon', v.gender, (s) => set({ gender: s }), 'matching.gender')}
            <div className={`field${fieldErrors.age ? ' has-error' : ''}`}>
              <label htmlFor="m-age">{t('matching.age')}</label>
              {fieldError('m-age', 'age')}
              <input id="m-age" type="number" min={0} max={120} inputMode="numeric" className="short" value={v.age} onChange={(e) => set({ age: e.target.value })} {...invalid('m-age', 'age')} />
            </div>
          </div>
        </fieldset>
        <fieldset className="needs">
          <legend>{t('matching.needs')}</legend>
          <div className="needs-grid">
            {(lists.behov ?? []).map((i) => (
              <div className="choice" key={i.value}>
                <input
                  type="checkbox"
                  id={`m-need-${i.value}`}
                  checked={v.needs.includes(i.value)}
                  onChange={(e) => set({ needs: e.target.checked ? [...v.needs, i.value] : v.needs.filter((n) => n !== i.value) })}
                />
                <label htmlFor={`m-need-${i.value}`}>{codeLabel(lists, 'behov', i.value, lang)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('matching.more')}</legend>
          <div className="inline-form">
            <div className={`field${fieldErrors.locality ? ' has-error' : ''}`}>
              <label htmlFor="m-locality">{t('matching.locality')}</label>
              {fieldError('m-locality', 'locality')}
              <input id="m-locality" list="m-localities" autoComplete="off" value={v.locality} onChange={(e) => set({ locality: e.target.value })} {...invalid('m-locality', 'locality', 'm-locality-hint')} />
              <datalist id="m-localities">
                {(lists.orter ?? []).map((o) => (
                  <option key={o.value} value={o.label} />
                ))}
              </datalist>
              <p id="m-locality-hint" className="hint">
                {t('matching.localityHint')}
              </p>
            </div>
            <div className={`field${fieldErrors.maxPrice ? ' has-error' : ''}`}>
              <label htmlFor="m-maxPrice">{t('matching.maxPrice')}</label>
              {fieldError('m-maxPrice', 'maxPrice')}
              <input id="m-maxPrice" type="number" min={0} step={100} className="short" value={v.maxPrice} onChange={(e) => set({ maxPrice: e.target.value })} {...invalid('m-maxPrice', 'maxPrice')} />
            </div>
            <div className="field">
              <label htmlFor="m-dateNeeded">{t('matching.dateNeeded')}</label>
              <DateInput id="m-dateNeeded" value={v.dateNeeded} describedBy="m-date-hint" onChange={(text) => set({ dateNeeded: text })} />
              <p id="m-date-hint" className="hint">
                {t('matching.dateHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor="m-limit">{t('matching.limit')}</label>
              <select id="m-limit" value={v.limit} onChange={(e) => set({ limit: e.target.value })}>
                {['10', '25', '50', '100'].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="choice">
            <input type="checkbox" id="m-frameworkOnly" checked={v.frameworkOnly} onChange={(e) => set({ frameworkOnly: e.target.checked })} />
            <label htmlFor="m-frameworkOnly">{t('matching.frameworkOnly')}</label>
          </div>
          <div className="choice">
            <input type="checkbox" id="m-requireVacancy" checked={v.requireVacancy} onChange={(e) => set({ requireVacancy: e.target.checked })} />
            <label htmlFor="m-requireVacancy">{t('matching.requireVacancy')}</label>
          </div>
        </fieldset>
        <div className="form-buttons">
          <button type="submit" disabled={busy}>
            {t('matching.search')}
          </button>
          <button type="button" className="secondary" onClick={() => {
              setV(empty);
              clearResults();
              setError(null);
            }}>
            {t('matching.clear')}
          </button>
        </div>
      </form>

      {result ? (
        <section aria-labelledby="results-title" className="matching-results">
          <h2 id="results-title" tabIndex={-1} ref={resultsHeading}>
            {t('matching.results', { n: result.results.length, total: result.total })}
          </h2>
          <p className="excluded-summary">
            {excluded.length
              ? t('matching.excluded', {
                  list: excluded.map(([k, n]) => `${label(t, `matching.filter.${k}`, k)} ${n}`).join(', '),
                })
              : t('matching.noneExcluded')}
          </p>
          <div className="toolbar">
            <button type="button" onClick={() => void compare()} disabled={selected.length < 2} aria-describedby="compare-hint">
              {t('matching.compare', { n: selected.length })}
            </button>
            <span id="compare-hint" className="hint">
              {t('matching.compareHint', { max: MAX_COMPARE })}
            </span>
            <button type="button" className="secondary" onClick={() => void exportExcel()}>
              {t('matching.export')}
            </button>
          </div>
          <ErrorMessage error={actionError} />
          {result.results.length ? (
            <div className="table-scroll" role="region" aria-label={t('matching.resultsCaption')} tabIndex={0}>
              <table className="results-table">
                <caption className="visually-hidden">{t('matching.resultsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('matching.col.compare')}</th>
                    <th scope="col">{t('matching.col.rank')}</th>
                    <th scope="col">{t('matching.col.unit')}</th>
                    <th scope="col">{t('matching.col.locality')}</th>
                    <th scope="col">{t('matching.col.gender')}</th>
                    <th scope="col">{t('matching.col.ages')}</th>
                    <th scope="col">{t('matching.col.agreement')}</th>
                    <th scope="col">{t('matching.col.notice')}</th>
                    <th scope="col">{t('matching.col.placesVacant')}</th>
                    <th scope="col">{t('matching.col.price')}</th>
                    <th scope="col">{t('matching.col.caseworkerRating')}</th>
                    <th scope="col">{t('matching.col.clientRating')}</th>
                    <th scope="col">{t('matching.col.breakdown')}</th>
                    <th scope="col">{t('matching.col.ivo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.results.map((h) => (
                    <ResultRow
                      key={h.unitId}
                      h={h}
                      t={t}
                      lang={lang}
                      lists={lists}
                      checked={selected.includes(h.unitId)}
                      disabled={!canAdd(selected, h.unitId)}
                      onToggle={() => setSelected((s) => toggleSelection(s, h.unitId))}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('matching.noResults')}</p>
          )}
        </section>
      ) : null}

      {compared ? (
        <section aria-labelledby="compare-title" className="compare">
          <h2 id="compare-title" tabIndex={-1} ref={compareHeading}>
            {t('matching.compareTitle')}
          </h2>
          {compared.excluded.length ? <p>{t('matching.compareExcluded', { ids: compared.excluded.join(', ') })}</p> : null}
          <CompareTable units={compared.units} t={t} lang={lang} lists={lists} />
          <button type="button" className="secondary" onClick={() => setCompared(null)}>
            {t('matching.closeCompare')}
          </button>
        </section>
      ) : null}
    </>
  );
}

function agreementText(t: Translate, h: Hit): string {
  const type = h.agreementType ? label(t, `matching.agreement.${h.agreementType}`, h.agreementType) : h.regi === 'egen' ? t('matching.ownRegi') : '–';
  return h.frameworkAgreement ? `${type} (${h.frameworkAgreement})` : type;
}

function ResultRow({ h, t, lang, lists, checked, disabled, onToggle }: { h: Hit; t: Translate; lang: 'sv' | 'en'; lists: Codelists; checked: boolean; disabled: boolean; onToggle: () => void }) {
  const id = `cmp-${h.unitId}`;
  // data-label: on a narrow screen each row is a card and every value is labelled by its column (styles.css).
  const cell = (label: MessageKey, content: ReactNode, className?: string) => (
    <td data-label={t(label)} className={className}>
      {content}
    </td>
  );
  return (
    <>
      <tr className="result-row">
        <td className="compare-cell">
          <input type="checkbox" id={id} checked={checked} disabled={disabled} onChange={onToggle} aria-describedby={disabled ? 'compare-hint' : undefined} />
          <label htmlFor={id} className="visually-hidden">
            {t('matching.pick', { name: h.unitName })}
          </label>
        </td>
        <td className="rank-cell">
          <span className="rank">{h.rank}</span>
          <span className="score">{t('matching.score', { score: Math.round(h.score) })}</span>
        </td>
        <th scope="row" className="unit-cell">
          <span className="unit-name">{h.unitName}</span>
          <span className="provider-name">{h.providerName}</span>
          {h.focus ? <span className="focus">{h.focus}</span> : null}
        </th>
        {cell(
          'matching.col.locality',
          <>
            {h.locality}
            {h.distanceKm !== null && h.distanceKm !== undefined ? <span className="muted-block">{t('matching.km', { km: Math.round(h.distanceKm) })}</span> : null}
          </>,
        )}
        {cell('matching.col.gender', gendersText(t, h, lists, lang))}
        {cell('matching.col.ages', agesText(t, h))}
        {cell('matching.col.agreement', agreementText(t, h))}
        {cell('matching.col.notice', h.noticePeriodDays === null || h.noticePeriodDays === undefined ? '–' : t('matching.days', { n: h.noticePeriodDays }))}
        {cell('matching.col.placesVacant', placesText(t, h), h.vacancies === 0 ? 'no-vacancy' : undefined)}
        {cell('matching.col.price', h.priceModel === 'individuell' ? t('matching.individualPrice') : formatKr(h.pricePerDay, lang))}
        {cell('matching.col.caseworkerRating', ratingText(t, h.caseworkerRating, lang))}
        {cell('matching.col.clientRating', ratingText(t, h.clientRating, lang))}
        {cell('matching.col.breakdown', formatRate(h.breakdownRate))}
        {cell('matching.col.ivo', ivoText(t, h, lang))}
      </tr>
      <tr className="reasons-row">
        <td colSpan={COLUMNS}>
          <details>
            <summary>{t('matching.reasons', { name: h.unitName })}</summary>
            <ul className="reasons">
              {h.reasons.map((r) => (
                <li key={r.factor}>
                  <span className="visually-strong">{label(t, `matching.factor.${r.factor}`, r.factor)}</span>{' '}
                  {t('matching.points', { points: (Math.round(r.points * 10) / 10).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB') })}:{' '}
                  <ReasonText reason={r} lists={lists} />
                </li>
              ))}
              {h.needsMissing?.length ? (
                <li>
                  <span className="visually-strong">{t('matching.needsMissing')}</span> {h.needsMissing.map((n) => codeLabel(lists, 'behov', n, lang)).join(', ')}
                </li>
              ) : null}
            </ul>
          </details>
        </td>
      </tr>
    </>
  );
}

/** Columns of the result table. */
const COLUMNS = 14;

function CompareTable({ units, t, lang, lists }: { units: Hit[]; t: Translate; lang: 'sv' | 'en'; lists: Codelists }) {
  const rows: [MessageKey, (h: Hit) => string][] = [
    ['matching.col.rank', (h) => `${h.rank} (${t('matching.score', { score: Math.round(h.score) })})`],
    ['matching.provider', (h) => h.providerName ?? ''],
    ['matching.col.locality', (h) => [h.locality, h.municipality].filter(Boolean).join(', ')],
    ['matching.focus', (h) => h.focus ?? '–'],
    ['matching.placementForm', (h) => (h.placementForms ?? []).map((p) => codeLabel(lists, 'placeringsformer', p, lang)).join(', ')],
    ['matching.col.gender', (h) => gendersText(t, h, lists, lang)],
    ['matching.ages', (h) => agesText(t, h)],
    ['matching.col.agreement', (h) => agreementText(t, h)],
    ['matching.col.notice', (h) => (h.noticePeriodDays == null ? '–' : t('matching.days', { n: h.noticePeriodDays }))],
    ['matching.col.places', (h) => placesText(t, h)],
    ['matching.col.price', (h) => (h.priceModel === 'individuell' ? t('matching.individualPrice') : formatKr(h.pricePerDay, lang))],
    ['matching.col.caseworkerRating', (h) => ratingText(t, h.caseworkerRating, lang)],
    ['matching.col.clientRating', (h) => ratingText(t, h.clientRating, lang)],
    ['matching.col.breakdown', (h) => formatRate(h.breakdownRate)],
    ['matching.deviations', (h) => String(h.deviations)],
    ['matching.col.ivo', (h) => ivoText(t, h, lang)],
    ['matching.needsCovered', (h) => (h.needsCovered ?? []).map((n) => codeLabel(lists, 'behov', n, lang)).join(', ') || '–'],
    ['matching.needsMissing', (h) => (h.needsMissing ?? []).map((n) => codeLabel(lists, 'behov', n, lang)).join(', ') || '–'],
  ];
  return (
    <div className="table-scroll" role="region" aria-label={t('matching.compareTable')} tabIndex={0}>
      <table className="compare-table">
        <caption className="visually-hidden">{t('matching.compareTable')}</caption>
        <thead>
          <tr>
            <td />
            {units.map((h) => (
              <th scope="col" key={h.unitId}>
                {h.unitName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, f]) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              {units.map((h) => (
                <td key={h.unitId}>{f(h)}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('matching.reasonsShort')}</th>
            {units.map((h) => (
              <td key={h.unitId}>
                <ul className="reasons">
                  {h.reasons.map((r) => (
                    <li key={r.factor}>
                      {label(t, `matching.factor.${r.factor}`, r.factor)}: {t('matching.points', { points: Math.round(r.points) })}
                    </li>
                  ))}
                </ul>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
