import { useEffect, useState, type FormEvent } from 'react';
import { register, type NewProvider, type Provider, type UnitPage } from '@rt/api/register';
import { ErrorMessage } from '@rt/app/Shell';
import { Link, navigate } from '@rt/app/router';
import { ErrorSummary } from '@rt/form/ErrorSummary';
import { useI18n } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { useAccess } from '../access';
import { Field } from '../common/fields';
import { useSubmit } from '../common/submit';
import { ChoiceGroup, CONCURRENT_UPDATE, RecordHeading, SummaryRow, registerProblems } from './fields';
import { UnitTable } from './RegisterPage';

const LABELS: Record<string, MessageKey> = {
  'p-name': 'register.name',
  'p-orgNumber': 'register.orgNumber',
  'p-regi': 'register.regi',
  'p-contact-name': 'register.contactName',
  'p-contact-email': 'register.contactEmail',
  'p-contact-phone': 'register.contactPhone',
};

/** "Ny utförare" (`/register/providers/new`): created with POST, then shown on its own page. */
export function NewProviderPage() {
  const { t } = useI18n();
  const [provider, setProvider] = useState<NewProvider>({ name: '', orgNumber: '', regi: null, contact: { name: '', email: '', phone: '' } });
  const saving = useSubmit({ conflictCode: CONCURRENT_UPDATE });
  const formProblems = registerProblems(saving.problems, t, LABELS, 'p', 'provider-form');
  const set = (patch: Partial<NewProvider>) => setProvider({ ...provider, ...patch });
  const setContact = (patch: Partial<NonNullable<Provider['contact']>>) => set({ contact: { ...provider.contact, ...patch } });

  const save = (e: FormEvent) => {
    e.preventDefault();
    const contact = Object.fromEntries(Object.entries(provider.contact ?? {}).filter(([, v]) => v && String(v).trim()));
    void saving.run(async () => {
      const created = await register.createProvider({ ...provider, contact: Object.keys(contact).length ? contact : null });
      navigate(`/register/providers/${encodeURIComponent(created.id)}?created=1`);
    });
  };

  return (
    <>
      <p>
        <Link to="/register">{t('register.back')}</Link>
      </p>
      <h1>{t('register.newProvider')}</h1>
      <p className="hint">{t('register.requiredHint')}</p>
      <ErrorMessage error={saving.error} />
      <ErrorSummary items={formProblems.summary()} />
      <form id="provider-form" tabIndex={-1} onSubmit={save} noValidate>
        <fieldset className="panel">
          <legend>{t('register.providerBasics')}</legend>
          <Field id="p-name" label={t('register.name')} problems={formProblems} required>
            {(p) => <input {...p} className="wide" value={provider.name ?? ''} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <Field id="p-orgNumber" label={t('register.orgNumber')} problems={formProblems} required hint={t('register.orgNumberHint')}>
            {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={provider.orgNumber ?? ''} onChange={(e) => set({ orgNumber: e.target.value })} />}
          </Field>
          <ChoiceGroup
            id="p-regi"
            legend="register.regi"
            problems={formProblems}
            required
            type="radio"
            choices={[
              { value: 'extern', label: t('register.regi.extern') },
              { value: 'egen', label: t('register.regi.egen') },
            ]}
            values={provider.regi ? [provider.regi] : []}
            onChange={(v) => set({ regi: v[0] ?? null })}
          />
        </fieldset>
        <fieldset className="panel">
          <legend>{t('register.contact')}</legend>
          <Field id="p-contact-name" label={t('register.contactName')} problems={formProblems}>
            {(p) => <input {...p} autoComplete="name" value={provider.contact?.name ?? ''} onChange={(e) => setContact({ name: e.target.value })} />}
          </Field>
          <div className="field-row">
            <Field id="p-contact-email" label={t('register.contactEmail')} problems={formProblems}>
              {(p) => <input {...p} type="email" autoComplete="email" value={provider.contact?.email ?? ''} onChange={(e) => setContact({ email: e.target.value })} />}
            </Field>
            <Field id="p-contact-phone" label={t('register.contactPhone')} problems={formProblems}>
              {(p) => <input {...p} type="tel" autoComplete="tel" value={provider.contact?.phone ?? ''} onChange={(e) => setContact({ phone: e.target.value })} />}
            </Field>
          </div>
        </fieldset>
        <div className="form-buttons">
          <button type="submit" disabled={saving.busy}>
            {t('register.create')}
          </button>
          <button type="button" className="secondary" onClick={() => navigate('/register')}>
            {t('register.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

/** One provider (`/register/providers/<id>`): its fields, its units, and "Ny enhet" for it. */
export function ProviderPage({ id }: { id: string }) {
  const { t } = useI18n();
  const can = useAccess();
  const [provider, setProvider] = useState<Provider | null>(null);
  const [units, setUnits] = useState<UnitPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    register.provider(id).then(setProvider, setError);
    register.units({ providerId: id, limit: 1000 }).then(setUnits, setError);
  }, [id]);
  if (!provider) return error ? <ErrorMessage error={error} /> : <p>{t('app.loading')}</p>;
  const c = provider.contact;
  return (
    <>
      <RecordHeading name={provider.name} active={provider.active} version={provider.version} created="register.providerCreated">
        {can.registerWrite ? <Link to={`/register/units/new?provider=${encodeURIComponent(provider.id)}`}>{t('register.newUnitForProvider')}</Link> : null}
      </RecordHeading>
      <ErrorMessage error={error} />
      <dl>
        <SummaryRow label="register.orgNumber" value={provider.orgNumber} />
        <SummaryRow label="register.regi" value={provider.regi === 'egen' || provider.regi === 'extern' ? t(`register.regi.${provider.regi}`) : provider.regi} />
        <SummaryRow label="register.contact" value={[c?.name, c?.email, c?.phone].filter(Boolean).join(', ')} />
      </dl>
      <h2>{t('register.providerUnits')}</h2>
      {!units ? (
        <p>{t('app.loading')}</p>
      ) : units.items.length ? (
        <UnitTable units={units.items} caption={t('register.providerUnitsOf', { name: provider.name })} />
      ) : (
        <p>{t('register.noUnits')}</p>
      )}
    </>
  );
}
