import { useEffect, useState, type FormEvent } from 'react';
import { register, type FrameworkAgreementSummary, type NewUnit, type Price, type Provider, type Unit } from '@rt/api/register';
import { ErrorMessage } from '@rt/app/Shell';
import { Link, navigate, query } from '@rt/app/router';
import { ErrorSummary } from '@rt/form/ErrorSummary';
import { isMessageKey, useI18n, type Translate } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { useCodelists } from '@rt/matching/codelists';
import { ConflictAlert, Field, FieldErrors } from '../common/fields';
import type { FormProblems } from '../common/problems';
import { useSubmit } from '../common/submit';
import { ChoiceGroup, CONCURRENT_UPDATE, REGISTER_CODELISTS, codeChoices, num, registerProblems, str } from './fields';
import { agreementLabel } from './RegisterPage';

const AGREEMENT_TYPES = ['ramavtal', 'direktupphandling', 'individavtal'];

/** The label of each field of the unit form, for the error summary. */
const LABELS: Record<string, MessageKey> = {
  'u-name': 'register.name',
  'u-providerId': 'register.provider',
  'u-locality': 'register.locality',
  'u-municipality': 'register.municipality',
  'u-focus': 'matching.focus',
  'u-tenderArea': 'register.tenderArea',
  'u-targetGroups': 'register.targetGroups',
  'u-placementForms': 'register.placementForms',
  'u-legalBases': 'register.legalBases',
  'u-genders': 'register.genders',
  'u-minAge': 'register.minAge',
  'u-maxAge': 'register.maxAge',
  'u-needs': 'register.needs',
  'u-places': 'register.places',
  'u-vacancies': 'register.vacancies',
  'u-noticePeriodDays': 'register.noticePeriodDays',
  'u-agreement-type': 'register.agreementType',
  'u-agreement-frameworkAgreementId': 'register.frameworkAgreementName',
  'u-ivoPermit-number': 'register.ivoNumber',
  'u-ivoPermit-scope': 'register.ivoScope',
  'u-ivoPermit-validFrom': 'register.ivoValidFrom',
  'u-ivoPermit-validTo': 'register.ivoValidTo',
};

const PRICE_MODELS = ['per-dygn', 'nivaer', 'individuell'];
const LEVELS = ['1', '2', '3', '4', '5'];
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The framework agreements a unit can belong to: those covering one of its placement forms (all while it has
 * none chosen), plus the one it has, so that a stored choice is never hidden.
 */
export function fittingAgreements(agreements: FrameworkAgreementSummary[], placementForms: string[] = [], current?: string | null): FrameworkAgreementSummary[] {
  const fits = agreements.filter(
    (a) => a.id === current || !placementForms.length || !a.placementForms?.length || a.placementForms.some((f) => placementForms.includes(f)),
  );
  return current && !fits.some((a) => a.id === current) ? [...fits, { id: current, name: current }] : fits;
}

export function modelLabel(t: Translate, model?: string): string {
  const key = `register.model.${model}`;
  return isMessageKey(key) ? t(key) : (model ?? '–');
}

/** A unit as the form edits it: a stored unit, or a new one without id and version. */
type Editable = Unit | (NewUnit & { id?: undefined });

/**
 * The fields of a unit, shared by "Ny enhet" and "Ändra": names and place, the coded fields from the published
 * codelists (checkbox groups), who is taken, capacity, agreement and price periods. Fields the server requires are
 * marked; its problems are shown at each field.
 */
function UnitFields<U extends Editable>({
  unit,
  onChange,
  problems,
  providers,
  agreements,
  savedPrices,
}: {
  unit: U;
  onChange: (u: U) => void;
  problems: FormProblems;
  /** The providers to choose from (a new unit); an existing unit keeps its provider. */
  providers?: Provider[];
  agreements: FrameworkAgreementSummary[];
  /** How many of the price periods are stored; only periods added since can be removed here. */
  savedPrices: number;
}) {
  const { t, lang } = useI18n();
  const lists = useCodelists(REGISTER_CODELISTS);
  const set = (patch: Partial<Unit>) => onChange({ ...unit, ...patch });
  const prices = unit.prices ?? [];
  const setPrice = (i: number, patch: Partial<Price>) => set({ prices: prices.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const codes = (fieldId: string, key: keyof Unit & string, legend: MessageKey, list: string, required = false, grid = false) => (
    <ChoiceGroup
      id={fieldId}
      legend={legend}
      problems={problems}
      required={required}
      type="checkbox"
      grid={grid}
      choices={codeChoices(lists, list, lang, unit[key] as string[] | undefined)}
      values={(unit[key] as string[] | undefined) ?? []}
      onChange={(v) => set({ [key]: v } as Partial<Unit>)}
    />
  );
  const agreementsForSelect = fittingAgreements(agreements, unit.placementForms, unit.agreement?.frameworkAgreementId);
  const permit = unit.ivoPermit ?? null;
  const setPermit = (patch: Partial<NonNullable<Unit['ivoPermit']>>) => set({ ivoPermit: { ...(permit ?? {}), ...patch } });

  return (
    <>
      <fieldset className="panel">
        <legend>{t('register.basics')}</legend>
        <Field id="u-name" label={t('register.name')} problems={problems} required>
          {(p) => <input {...p} className="wide" value={unit.name ?? ''} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        {providers ? (
          <Field id="u-providerId" label={t('register.provider')} problems={problems} required>
            {(p) => (
              <select {...p} value={unit.providerId ?? ''} onChange={(e) => set({ providerId: e.target.value })}>
                <option value="">{t('form.choose')}</option>
                {providers.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                    {x.orgNumber ? ` (${x.orgNumber})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="field-row">
          <Field id="u-locality" label={t('register.locality')} problems={problems} required hint={t('register.localityHint')}>
            {(p) => <input {...p} value={unit.locality ?? ''} onChange={(e) => set({ locality: e.target.value })} />}
          </Field>
          <Field id="u-municipality" label={t('register.municipality')} problems={problems}>
            {(p) => <input {...p} value={unit.municipality ?? ''} onChange={(e) => set({ municipality: e.target.value })} />}
          </Field>
          <Field id="u-tenderArea" label={t('register.tenderArea')} problems={problems}>
            {(p) => <input {...p} value={unit.tenderArea ?? ''} onChange={(e) => set({ tenderArea: e.target.value || null })} />}
          </Field>
        </div>
        <Field id="u-focus" label={t('matching.focus')} problems={problems}>
          {(p) => <input {...p} className="wide" value={unit.focus ?? ''} onChange={(e) => set({ focus: e.target.value || null })} />}
        </Field>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('register.intervention')}</legend>
        {codes('u-targetGroups', 'targetGroups', 'register.targetGroups', 'malgrupper', true, true)}
        {codes('u-placementForms', 'placementForms', 'register.placementForms', 'placeringsformer', true, true)}
        {codes('u-legalBases', 'legalBases', 'register.legalBases', 'lagrum', false, true)}
      </fieldset>
      <fieldset className="panel">
        <legend>{t('register.clients')}</legend>
        {codes('u-genders', 'genders', 'register.genders', 'kon')}
        <div className="field-row">
          <Field id="u-minAge" label={t('register.minAge')} problems={problems}>
            {(p) => <input {...p} type="number" min={0} max={120} className="short" value={str(unit.minAge)} onChange={(e) => set({ minAge: num(e.target.value) })} />}
          </Field>
          <Field id="u-maxAge" label={t('register.maxAge')} problems={problems}>
            {(p) => <input {...p} type="number" min={0} max={120} className="short" value={str(unit.maxAge)} onChange={(e) => set({ maxAge: num(e.target.value) })} />}
          </Field>
        </div>
        {codes('u-needs', 'needs', 'register.needs', 'behov', false, true)}
      </fieldset>
      <fieldset className="panel">
        <legend>{t('register.capacity')}</legend>
        <div className="field-row">
          <Field id="u-places" label={t('register.places')} problems={problems}>
            {(p) => <input {...p} type="number" min={0} className="short" value={str(unit.places)} onChange={(e) => set({ places: num(e.target.value) })} />}
          </Field>
          <Field id="u-vacancies" label={t('register.vacancies')} problems={problems}>
            {(p) => <input {...p} type="number" min={0} className="short" value={str(unit.vacancies)} onChange={(e) => set({ vacancies: num(e.target.value) })} />}
          </Field>
          <Field id="u-noticePeriodDays" label={t('register.noticePeriodDays')} problems={problems}>
            {(p) => <input {...p} type="number" min={0} className="short" value={str(unit.noticePeriodDays)} onChange={(e) => set({ noticePeriodDays: num(e.target.value) })} />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>{t('register.agreement')}</legend>
        <div className="field-row">
          <Field id="u-agreement-type" label={t('register.agreementType')} problems={problems}>
            {(p) => (
              <select {...p} value={unit.agreement?.type ?? ''} onChange={(e) => set({ agreement: e.target.value ? { ...(unit.agreement ?? {}), type: e.target.value } : null })}>
                <option value="">{t('register.noAgreement')}</option>
                {AGREEMENT_TYPES.map((a) => (
                  <option key={a} value={a}>
                    {agreementLabel(t, a)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {unit.agreement?.type === 'ramavtal' ? (
            <Field
              id="u-agreement-frameworkAgreementId"
              label={t('register.frameworkAgreementName')}
              problems={problems}
              required
              hint={agreementsForSelect.length ? t('register.agreementHint') : t('register.noFittingAgreement')}
            >
              {(p) => (
                <select {...p} value={unit.agreement?.frameworkAgreementId ?? ''} onChange={(e) => set({ agreement: { ...unit.agreement, frameworkAgreementId: e.target.value || null } })}>
                  <option value="">{t('form.choose')}</option>
                  {agreementsForSelect.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </div>
      </fieldset>
      <fieldset className="panel" id="u-ivo">
        <legend>{t('register.ivo')}</legend>
        {permit ? (
          <>
            <div className="field-row">
              <Field id="u-ivoPermit-number" label={t('register.ivoNumber')} problems={problems} required>
                {(p) => <input {...p} value={permit.number ?? ''} onChange={(e) => setPermit({ number: e.target.value })} />}
              </Field>
              <Field id="u-ivoPermit-validFrom" label={t('register.ivoValidFrom')} problems={problems}>
                {(p) => <input {...p} type="date" value={permit.validFrom ?? ''} onChange={(e) => setPermit({ validFrom: e.target.value || undefined })} />}
              </Field>
              <Field id="u-ivoPermit-validTo" label={t('register.ivoValidTo')} problems={problems}>
                {(p) => <input {...p} type="date" value={permit.validTo ?? ''} onChange={(e) => setPermit({ validTo: e.target.value || undefined })} />}
              </Field>
            </div>
            <ChoiceGroup
              id="u-ivoPermit-scope"
              legend="register.ivoScope"
              problems={problems}
              type="checkbox"
              grid
              choices={codeChoices(lists, 'placeringsformer', lang, permit.scope)}
              values={permit.scope ?? []}
              onChange={(v) => setPermit({ scope: v })}
            />
            <button type="button" className="secondary" onClick={() => set({ ivoPermit: null })}>
              {t('register.ivoRemove')}
            </button>
          </>
        ) : (
          <>
            <p>{t('register.ivoNone')}</p>
            <button type="button" className="secondary" onClick={() => set({ ivoPermit: { number: '', scope: unit.placementForms ?? [], validFrom: today() } })}>
              {t('register.ivoAdd')}
            </button>
          </>
        )}
      </fieldset>
      <fieldset className="panel">
        <legend>{t('register.prices')}</legend>
        {prices.length ? (
          <table>
            <caption className="visually-hidden">{t('register.prices')}</caption>
            <PriceHead actions={prices.length > savedPrices} />
            <tbody>
              {prices.map((p, i) => (
                <PriceRow
                  key={i}
                  i={i}
                  price={p}
                  errors={problems.problems.filter((x) => (x.pointer ?? '').startsWith(`/prices/${i}/`)).map(problems.text)}
                  onChange={(patch) => setPrice(i, patch)}
                  actions={prices.length > savedPrices}
                  onRemove={i >= savedPrices ? () => set({ prices: prices.filter((_, j) => j !== i) }) : undefined}
                />
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('register.noPrices')}</p>
        )}
        <button type="button" className="secondary" onClick={() => set({ prices: [...prices, { validFrom: today(), validTo: null, model: 'per-dygn', perDay: null }] })}>
          {t('register.addPrice')}
        </button>
      </fieldset>
    </>
  );
}

/** The head of a table of price periods (the unit's page and its form). */
export function PriceHead({ actions = false }: { actions?: boolean }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        <th scope="col">{t('register.validFrom')}</th>
        <th scope="col">{t('register.validTo')}</th>
        <th scope="col">{t('register.priceModel')}</th>
        <th scope="col">{t('register.pricePerDay')}</th>
        {actions ? <th scope="col">{t('admin.actions')}</th> : null}
      </tr>
    </thead>
  );
}

/** The level prices of a period ("1"–"5" → kr per day). */
const levelsOf = (p: Price): Record<string, number> => (p.levels && typeof p.levels === 'object' ? (p.levels as Record<string, number>) : {});

function setLevel(levels: Record<string, number>, level: string, value: number | null): Record<string, number> {
  const next = { ...levels };
  if (value === null) delete next[level];
  else next[level] = value;
  return next;
}

/** A period changed to another price model keeps only what that model uses. */
function modelChange(model: string): Partial<Price> {
  if (model === 'nivaer') return { model, perDay: null, levels: {} };
  if (model === 'individuell') return { model, perDay: null, levels: null };
  return { model, levels: null };
}

/**
 * One price period: dates, the price model, and what it needs (the price per day, the five level prices, or
 * nothing for an individual price); a period not yet stored can be removed.
 */
function PriceRow({
  i,
  price: p,
  errors,
  onChange,
  actions,
  onRemove,
}: {
  i: number;
  price: Price;
  errors: string[];
  onChange: (patch: Partial<Price>) => void;
  actions: boolean;
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  return (
    <tr>
      <td>
        <input id={`u-prices-${i}-validFrom`} type="date" aria-label={`${t('register.validFrom')} ${i + 1}`} value={p.validFrom ?? ''} onChange={(e) => onChange({ validFrom: e.target.value || null })} />
      </td>
      <td>
        <input id={`u-prices-${i}-validTo`} type="date" aria-label={`${t('register.validTo')} ${i + 1}`} value={p.validTo ?? ''} onChange={(e) => onChange({ validTo: e.target.value || null })} />
      </td>
      <td>
        <select id={`u-prices-${i}-model`} aria-label={`${t('register.priceModel')} ${i + 1}`} value={p.model ?? 'per-dygn'} onChange={(e) => onChange(modelChange(e.target.value))}>
          {PRICE_MODELS.map((m) => (
            <option key={m} value={m}>
              {modelLabel(t, m)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {p.model === 'nivaer' ? (
          <fieldset className="levels" aria-describedby={errors.length ? `u-prices-${i}-error` : undefined}>
            <legend className="visually-hidden">{t('register.levelsLegend', { n: i + 1 })}</legend>
            {LEVELS.map((l) => (
              <span className="level" key={l}>
                <label htmlFor={`u-prices-${i}-levels-${l}`}>{t('register.level', { n: l })}</label>
                <input
                  id={`u-prices-${i}-levels-${l}`}
                  type="number"
                  min={0}
                  className="short"
                  value={str(levelsOf(p)[l])}
                  onChange={(e) => onChange({ levels: setLevel(levelsOf(p), l, num(e.target.value)) })}
                />
              </span>
            ))}
          </fieldset>
        ) : p.model === 'individuell' ? (
          t('register.individualNote')
        ) : p.model === 'per-dygn' ? (
          <input
            id={`u-prices-${i}-perDay`}
            type="number"
            min={0}
            className="short"
            aria-label={`${t('register.pricePerDay')} ${i + 1}`}
            aria-invalid={errors.length ? true : undefined}
            aria-describedby={errors.length ? `u-prices-${i}-error` : undefined}
            value={str(p.perDay)}
            onChange={(e) => onChange({ perDay: num(e.target.value) })}
          />
        ) : (
          t('register.notEditable')
        )}
        <FieldErrors id={`u-prices-${i}-error`} errors={errors} />
      </td>
      {actions ? (
        <td>
          {onRemove ? (
            <button type="button" className="small secondary" onClick={onRemove}>
              {t('register.removePrice', { n: i + 1 })}
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

function useAgreements(): FrameworkAgreementSummary[] {
  const [agreements, setAgreements] = useState<FrameworkAgreementSummary[]>([]);
  useEffect(() => {
    register.frameworkAgreements().then(setAgreements, () => undefined);
  }, []);
  return agreements;
}

function FormButtons({ busy, label, cancelTo }: { busy: boolean; label: MessageKey; cancelTo: string }) {
  const { t } = useI18n();
  return (
    <div className="form-buttons">
      <button type="submit" disabled={busy}>
        {t(label)}
      </button>
      <button type="button" className="secondary" onClick={() => navigate(cancelTo)}>
        {t('register.cancel')}
      </button>
    </div>
  );
}

/** "Ny enhet" (`/register/units/new`, `?provider=<id>` chooses the provider): created with POST, then shown. */
export function NewUnitPage() {
  const { t } = useI18n();
  const providerId = query('provider') ?? '';
  const [unit, setUnit] = useState<NewUnit>({ providerId, name: '', active: true, targetGroups: [], placementForms: [], legalBases: [], genders: [], needs: [], prices: [] });
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const agreements = useAgreements();
  const saving = useSubmit({ conflictCode: CONCURRENT_UPDATE });
  const { setError } = saving;
  useEffect(() => {
    register.providers({ active: true }).then(setProviders, setError);
  }, [setError]);
  const formProblems = registerProblems(saving.problems, t, LABELS);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void saving.run(async () => {
      const created = await register.createUnit(unit);
      navigate(`/register/units/${encodeURIComponent(created.unit.id)}?created=1`);
    });
  };

  return (
    <>
      <p>
        <Link to={providerId ? `/register/providers/${encodeURIComponent(providerId)}` : '/register'}>{t(providerId ? 'register.backToProvider' : 'register.back')}</Link>
      </p>
      <h1>{t('register.newUnit')}</h1>
      <p className="hint">{t('register.requiredHint')}</p>
      <ErrorMessage error={saving.error} />
      <ErrorSummary items={formProblems.summary()} />
      {providers ? (
        <form id="unit-form" tabIndex={-1} onSubmit={save} noValidate>
          <UnitFields unit={unit} onChange={setUnit} problems={formProblems} providers={providers} agreements={agreements} savedPrices={0} />
          <FormButtons busy={saving.busy} label="register.create" cancelTo={providerId ? `/register/providers/${encodeURIComponent(providerId)}` : '/register'} />
        </form>
      ) : saving.error ? null : (
        <p>{t('app.loading')}</p>
      )}
    </>
  );
}

/** Editing a unit; saved with the version read (409 when someone else changed it). */
export function UnitEditPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<Unit | null>(null);
  const [savedPrices, setSavedPrices] = useState(0);
  const agreements = useAgreements();
  const [note, setNote] = useState<string | null>(null);
  const saving = useSubmit({ conflictCode: CONCURRENT_UPDATE });
  const show = (u: Unit) => {
    setUnit(u);
    setSavedPrices(u.prices?.length ?? 0);
  };
  const load = () => register.unit(id).then((d) => show(d.unit), saving.setError);
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  if (!unit) return saving.error ? <ErrorMessage error={saving.error} /> : <p>{t('app.loading')}</p>;
  const formProblems = registerProblems(saving.problems, t, LABELS);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setNote(null);
    void saving.run(async () => {
      const saved = await register.updateUnit(unit);
      show(saved.unit);
      setNote(t('register.saved', { v: saved.unit.version ?? '' }));
    });
  };

  return (
    <>
      <p>
        <Link to={`/register/units/${encodeURIComponent(id)}`}>{t('register.backToUnit')}</Link>
      </p>
      <h1>{t('register.editTitle', { name: unit.name })}</h1>
      <p className="hint">{t('register.requiredHint')}</p>
      <ErrorMessage error={saving.error} />
      <ErrorSummary items={formProblems.summary()} />
      {saving.conflict ? (
        <ConflictAlert
          title={t('register.conflictTitle')}
          text={t('register.conflict')}
          reload={t('register.reload')}
          onReload={() => void load().then(() => saving.setConflict(false))}
        />
      ) : null}
      <p className="ok-message" aria-live="polite">
        {note}
      </p>
      <form id="unit-form" tabIndex={-1} onSubmit={save} noValidate>
        <UnitFields unit={unit} onChange={setUnit} problems={formProblems} agreements={agreements} savedPrices={savedPrices} />
        <FormButtons busy={saving.busy} label="register.save" cancelTo={`/register/units/${encodeURIComponent(id)}`} />
      </form>
    </>
  );
}
