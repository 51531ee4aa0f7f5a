import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiProblem, type Problem } from '@rt/api/client';
import { register, type Price, type Unit, type UnitDetails } from '@rt/api/register';
import { ErrorMessage } from '@rt/app/Shell';
import { Link, navigate } from '@rt/app/router';
import { ErrorSummary } from '@rt/form/ErrorSummary';
import { isMessageKey, useI18n } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { codeLabel, useCodelists } from '@rt/matching/codelists';
import { formatKr, formatRate } from '@rt/matching/selection';
import { ratingText } from '@rt/pages/MatchingPage';
import { agreementLabel } from './RegisterPage';
import { fieldIdFor, problemText } from './problems';

const LISTS = ['malgrupper', 'placeringsformer', 'lagrum', 'kon', 'behov'];

/** One unit of the register: its fields, provider, agreement, prices and quality. */
export function UnitPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const lists = useCodelists(LISTS);
  const [d, setD] = useState<UnitDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    register.unit(id).then(setD, setError);
  }, [id]);
  if (!d) return error ? <ErrorMessage error={error} /> : <p>{t('app.loading')}</p>;
  const u = d.unit;
  const codes = (list: string, values?: string[]) => (values ?? []).map((v) => codeLabel(lists, list, v, lang)).join(', ') || '–';
  const row = (key: MessageKey, value: ReactNode) => (
    <div className="summary-row">
      <dt>{t(key)}</dt>
      <dd>{value === '' || value === null || value === undefined ? '–' : value}</dd>
    </div>
  );
  return (
    <>
      <p>
        <Link to="/register">{t('register.back')}</Link>
      </p>
      <h1>{u.name}</h1>
      <p className="toolbar">
        <span className="status-tag">{u.active === false ? t('register.inactive') : t('register.activeTag')}</span>
        <span>
          {t('admin.version')} {u.version}
        </span>
        <Link to={`/register/units/${encodeURIComponent(u.id)}/edit`}>{t('register.edit')}</Link>
      </p>
      <dl>
        {row('register.provider', d.provider ? `${d.provider.name} (${d.provider.orgNumber ?? ''})` : u.providerId)}
        {row('register.locality', [u.locality, u.municipality].filter(Boolean).join(', '))}
        {row('matching.focus', u.focus)}
        {row('matching.targetGroup', codes('malgrupper', u.targetGroups))}
        {row('matching.placementForm', codes('placeringsformer', u.placementForms))}
        {row('matching.legalBasis', codes('lagrum', u.legalBases))}
        {row('matching.gender', codes('kon', u.genders))}
        {row('matching.ages', `${u.minAge ?? '–'}–${u.maxAge ?? '–'}`)}
        {row('matching.needs', codes('behov', u.needs))}
        {row('register.places', u.places)}
        {row('register.vacancies', u.vacancies)}
        {row('register.agreementType', agreementLabel(t, u.agreement?.type) + (d.frameworkAgreement ? ` – ${d.frameworkAgreement.name}` : ''))}
        {row('register.tenderArea', u.tenderArea)}
        {row('register.noticePeriod', u.noticePeriodDays === null || u.noticePeriodDays === undefined ? '' : t('matching.days', { n: u.noticePeriodDays }))}
        {row('matching.col.ivo', u.ivoPermit ? `${u.ivoPermit.number ?? ''} (${u.ivoPermit.validFrom ?? ''} – ${u.ivoPermit.validTo ?? ''})` : t('matching.ivoNone'))}
        {row('matching.col.caseworkerRating', ratingText(t, d.quality.caseworkerRating, lang))}
        {row('matching.col.clientRating', ratingText(t, d.quality.clientRating, lang))}
        {row('matching.col.breakdown', `${formatRate(d.quality.breakdownRate)} (${t('register.ended', { n: d.quality.endedPlacements })})`)}
        {row('matching.deviations', d.quality.deviations)}
      </dl>
      <h2>{t('register.prices')}</h2>
      <PriceTable prices={u.prices ?? []} />
    </>
  );
}

function PriceTable({ prices }: { prices: Price[] }) {
  const { t, lang } = useI18n();
  if (!prices.length) return <p>{t('register.noPrices')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{t('register.prices')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('register.validFrom')}</th>
          <th scope="col">{t('register.validTo')}</th>
          <th scope="col">{t('register.priceModel')}</th>
          <th scope="col">{t('register.pricePerDay')}</th>
        </tr>
      </thead>
      <tbody>
        {prices.map((p, i) => (
          <tr key={i}>
            <td>{p.validFrom ?? '–'}</td>
            <td>{p.validTo ?? '–'}</td>
            <td>{modelLabel(t, p.model)}</td>
            <td>{p.model === 'individuell' ? t('matching.individualPrice') : formatKr(p.perDay, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function modelLabel(t: ReturnType<typeof useI18n>['t'], model?: string): string {
  const key = `register.model.${model}`;
  return isMessageKey(key) ? t(key) : (model ?? '–');
}

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));
const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** Editing the main fields of a unit; saved with the version read (409 when someone else changed it). */
export function UnitEditPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<Unit | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = () => register.unit(id).then((d) => setUnit(d.unit), setError);
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  if (!unit) return error ? <ErrorMessage error={error} /> : <p>{t('app.loading')}</p>;

  const set = (patch: Partial<Unit>) => setUnit({ ...unit, ...patch });
  const setPrice = (i: number, patch: Partial<Price>) => set({ prices: (unit.prices ?? []).map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const errorsFor = (fieldId: string) => problems.filter((p) => fieldIdFor(p.pointer) === fieldId);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblems([]);
    setConflict(false);
    setNote(null);
    setError(null);
    try {
      const saved = await register.updateUnit(unit);
      setUnit(saved.unit);
      setNote(t('register.saved', { v: saved.unit.version ?? '' }));
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 409) setConflict(true);
      else if (err instanceof ApiProblem && err.status === 400 && err.errors.length) setProblems(err.errors);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<string, MessageKey> = {
    'u-name': 'register.name',
    'u-locality': 'register.locality',
    'u-municipality': 'register.municipality',
    'u-places': 'register.places',
    'u-vacancies': 'register.vacancies',
    'u-agreement-type': 'register.agreementType',
    'u-agreement-frameworkAgreementId': 'register.frameworkAgreement',
    'u-noticePeriodDays': 'register.noticePeriod',
  };
  const summary = problems.map((p) => {
    const fieldId = fieldIdFor(p.pointer);
    const known = !!document.getElementById(fieldId);
    const name = labels[fieldId] ? t(labels[fieldId]) : p.pointer ?? '';
    return { fieldId: known ? fieldId : 'unit-form', text: `${name}: ${problemText(t, p)}` };
  });

  const field = (fieldId: string, label: MessageKey, input: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode, hint?: string) => {
    const errs = errorsFor(fieldId);
    const described = [hint ? `${fieldId}-hint` : '', errs.length ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field${errs.length ? ' has-error' : ''}`}>
        <label htmlFor={fieldId}>{t(label)}</label>
        {hint ? (
          <p id={`${fieldId}-hint`} className="hint">
            {hint}
          </p>
        ) : null}
        {errs.length ? (
          <p id={`${fieldId}-error`} className="field-error">
            {errs.map((p) => `${t('form.errorPrefix')} ${problemText(t, p)}`).join(' ')}
          </p>
        ) : null}
        {input({ id: fieldId, 'aria-invalid': errs.length ? true : undefined, 'aria-describedby': described })}
      </div>
    );
  };

  return (
    <>
      <p>
        <Link to={`/register/units/${encodeURIComponent(id)}`}>{t('register.backToUnit')}</Link>
      </p>
      <h1>{t('register.editTitle', { name: unit.name })}</h1>
      <ErrorMessage error={error} />
      <ErrorSummary items={summary} />
      {conflict ? (
        <div className="error-summary" role="alert">
          <h2>{t('register.conflictTitle')}</h2>
          <p>{t('register.conflict')}</p>
          <button type="button" className="secondary" onClick={() => void load().then(() => setConflict(false))}>
            {t('register.reload')}
          </button>
        </div>
      ) : null}
      <p className="ok-message" aria-live="polite">
        {note}
      </p>
      <form id="unit-form" tabIndex={-1} onSubmit={save} noValidate>
        <fieldset className="panel">
          <legend>{t('register.basics')}</legend>
          {field('u-name', 'register.name', (p) => <input {...p} className="wide" value={unit.name ?? ''} onChange={(e) => set({ name: e.target.value })} />)}
          <div className="field-row">
            {field('u-locality', 'register.locality', (p) => <input {...p} value={unit.locality ?? ''} onChange={(e) => set({ locality: e.target.value })} />)}
            {field('u-municipality', 'register.municipality', (p) => <input {...p} value={unit.municipality ?? ''} onChange={(e) => set({ municipality: e.target.value })} />)}
          </div>
        </fieldset>
        <fieldset className="panel">
          <legend>{t('register.capacity')}</legend>
          <div className="field-row">
            {field('u-places', 'register.places', (p) => <input {...p} type="number" min={0} className="short" value={str(unit.places)} onChange={(e) => set({ places: num(e.target.value) })} />)}
            {field('u-vacancies', 'register.vacancies', (p) => <input {...p} type="number" min={0} className="short" value={str(unit.vacancies)} onChange={(e) => set({ vacancies: num(e.target.value) })} />)}
            {field('u-noticePeriodDays', 'register.noticePeriodDays', (p) => (
              <input {...p} type="number" min={0} className="short" value={str(unit.noticePeriodDays)} onChange={(e) => set({ noticePeriodDays: num(e.target.value) })} />
            ))}
          </div>
        </fieldset>
        <fieldset className="panel">
          <legend>{t('register.agreement')}</legend>
          <div className="field-row">
            {field('u-agreement-type', 'register.agreementType', (p) => (
              <select
                {...p}
                value={unit.agreement?.type ?? ''}
                onChange={(e) => set({ agreement: e.target.value ? { ...(unit.agreement ?? {}), type: e.target.value } : null })}
              >
                <option value="">{t('register.noAgreement')}</option>
                {['ramavtal', 'direktupphandling', 'individavtal'].map((a) => (
                  <option key={a} value={a}>
                    {agreementLabel(t, a)}
                  </option>
                ))}
              </select>
            ))}
            {unit.agreement?.type === 'ramavtal'
              ? field('u-agreement-frameworkAgreementId', 'register.frameworkAgreement', (p) => (
                  <input {...p} value={unit.agreement?.frameworkAgreementId ?? ''} onChange={(e) => set({ agreement: { ...unit.agreement, frameworkAgreementId: e.target.value } })} />
                ))
              : null}
          </div>
        </fieldset>
        <fieldset className="panel">
          <legend>{t('register.prices')}</legend>
          {(unit.prices ?? []).length ? (
            <table>
              <caption className="visually-hidden">{t('register.prices')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('register.validFrom')}</th>
                  <th scope="col">{t('register.validTo')}</th>
                  <th scope="col">{t('register.priceModel')}</th>
                  <th scope="col">{t('register.pricePerDay')}</th>
                </tr>
              </thead>
              <tbody>
                {(unit.prices ?? []).map((p, i) => {
                  const errs = problems.filter((x) => (x.pointer ?? '').startsWith(`/prices/${i}`));
                  return (
                    <tr key={i}>
                      <td>
                        <input id={`u-prices-${i}-validFrom`} type="date" aria-label={`${t('register.validFrom')} ${i + 1}`} value={p.validFrom ?? ''} onChange={(e) => setPrice(i, { validFrom: e.target.value || null })} />
                      </td>
                      <td>
                        <input id={`u-prices-${i}-validTo`} type="date" aria-label={`${t('register.validTo')} ${i + 1}`} value={p.validTo ?? ''} onChange={(e) => setPrice(i, { validTo: e.target.value || null })} />
                      </td>
                      <td>{modelLabel(t, p.model)}</td>
                      <td>
                        {p.model === 'per-dygn' ? (
                          <input
                            id={`u-prices-${i}-perDay`}
                            type="number"
                            min={0}
                            className="short"
                            aria-label={`${t('register.pricePerDay')} ${i + 1}`}
                            aria-invalid={errs.length ? true : undefined}
                            aria-describedby={errs.length ? `u-prices-${i}-error` : undefined}
                            value={str(p.perDay)}
                            onChange={(e) => setPrice(i, { perDay: num(e.target.value) })}
                          />
                        ) : (
                          t('register.notEditable')
                        )}
                        {errs.length ? (
                          <p id={`u-prices-${i}-error`} className="field-error">
                            {errs.map((x) => `${t('form.errorPrefix')} ${problemText(t, x)}`).join(' ')}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p>{t('register.noPrices')}</p>
          )}
        </fieldset>
        <div className="form-buttons">
          <button type="submit" disabled={busy}>
            {t('register.save')}
          </button>
          <button type="button" className="secondary" onClick={() => navigate(`/register/units/${encodeURIComponent(id)}`)}>
            {t('register.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
