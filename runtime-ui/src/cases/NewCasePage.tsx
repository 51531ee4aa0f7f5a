import { useEffect, useState } from 'react';
import { metadata } from '../api/client';
import { DateInput } from '../app/DateInput';
import { navigate } from '../app/router';
import { useI18n } from '../i18n';
import { codeLabel, useCodelists } from '../matching/codelists';
import { cases } from './api';
import { CaseProblem, FieldError, fieldErrors, useFieldText } from './problems';

const LISTS = ['malgrupper', 'lagrum', 'behov', 'kon'];

interface FormItem {
  value: string;
  label: string;
  labelEn?: string;
  active?: boolean;
  attributes?: { targetGroups?: string[] };
}

/** Raise a case: the client's number (checked by the server: date and check digit), the facts, the wanted start. */
export function NewCasePage() {
  const { t, lang } = useI18n();
  const lists = useCodelists(LISTS);
  const fieldText = useFieldText();
  const [forms, setForms] = useState<FormItem[]>([]);
  const [pnr, setPnr] = useState('');
  const [name, setName] = useState('');
  const [targetGroup, setTargetGroup] = useState('');
  const [placementForm, setPlacementForm] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [needs, setNeeds] = useState<string[]>([]);
  const [gender, setGender] = useState('');
  const [wantedStart, setWantedStart] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    metadata.get<{ items: FormItem[] }>('codelists', 'placeringsformer', true).then(
      (d) => setForms((d.content.items ?? []).filter((i) => i.active !== false)),
      () => undefined,
    );
  }, []);

  // The placement forms of the chosen target group (the codelist's attribute targetGroups).
  const formsOfGroup = forms.filter((f) => !targetGroup || (f.attributes?.targetGroups ?? []).includes(targetGroup));
  const errors = fieldErrors(error, fieldText);
  const label = (f: FormItem) => (lang === 'en' && f.labelEn ? f.labelEn : f.label);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const c = await cases.create({
        personalIdentityNumber: pnr,
        clientName: name || undefined,
        targetGroup: targetGroup || undefined,
        placementForm: placementForm || undefined,
        legalBasis: legalBasis || undefined,
        needs,
        gender: gender || undefined,
        wantedStart: wantedStart || undefined,
      });
      navigate(`/arenden/${c.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const err = (pointer: string, id: string) => <FieldError id={id} text={errors[pointer]} />;
  const select = (id: string, pointer: string, text: string, value: string, set: (v: string) => void, list: string) => (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      {err(pointer, `${id}-error`)}
      <select id={id} value={value} onChange={(e) => set(e.target.value)} aria-invalid={errors[pointer] ? true : undefined}
        aria-describedby={errors[pointer] ? `${id}-error` : undefined}>
        <option value="">{t('newCase.choose')}</option>
        {(lists[list] ?? []).map((i) => (
          <option key={i.value} value={i.value}>
            {codeLabel(lists, list, i.value, lang)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <h1>{t('newCase.title')}</h1>
      <p>{t('newCase.intro')}</p>
      {Object.keys(errors).length ? (
        <div className="error-summary" role="alert">
          <p>{t('newCase.errors')}</p>
        </div>
      ) : (
        <CaseProblem error={error} />
      )}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="case-pnr">{t('newCase.pnr')}</label>
          <p className="hint" id="case-pnr-hint">
            {t('newCase.pnrHint')}
          </p>
          {err('/personalIdentityNumber', 'case-pnr-error')}
          <input id="case-pnr" value={pnr} onChange={(e) => setPnr(e.target.value)} autoComplete="off" inputMode="numeric"
            aria-invalid={errors['/personalIdentityNumber'] ? true : undefined}
            aria-describedby={errors['/personalIdentityNumber'] ? 'case-pnr-hint case-pnr-error' : 'case-pnr-hint'} />
        </div>
        <div className="field">
          <label htmlFor="case-name">{t('newCase.name')}</label>
          {err('/clientName', 'case-name-error')}
          <input id="case-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        {select('case-target-group', '/targetGroup', t('newCase.targetGroup'), targetGroup, (v) => {
          setTargetGroup(v);
          setPlacementForm('');
        }, 'malgrupper')}
        <div className="field">
          <label htmlFor="case-placement-form">{t('newCase.placementForm')}</label>
          <p className="hint" id="case-placement-form-hint">
            {t('newCase.placementFormHint')}
          </p>
          {err('/placementForm', 'case-placement-form-error')}
          <select id="case-placement-form" value={placementForm} onChange={(e) => setPlacementForm(e.target.value)}
            aria-describedby="case-placement-form-hint" aria-invalid={errors['/placementForm'] ? true : undefined}>
            <option value="">{t('newCase.choose')}</option>
            {formsOfGroup.map((f) => (
              <option key={f.value} value={f.value}>
                {label(f)}
              </option>
            ))}
          </select>
        </div>
        {select('case-legal-basis', '/legalBasis', t('newCase.legalBasis'), legalBasis, setLegalBasis, 'lagrum')}
        <fieldset className="field">
          <legend>{t('newCase.needs')}</legend>
          {err('/needs', 'case-needs-error')}
          <div className="needs-grid">
            {(lists.behov ?? []).map((i) => (
              <div className="choice" key={i.value}>
                <input type="checkbox" id={`case-need-${i.value}`} checked={needs.includes(i.value)}
                  onChange={(e) => setNeeds(e.target.checked ? [...needs, i.value] : needs.filter((n) => n !== i.value))} />
                <label htmlFor={`case-need-${i.value}`}>{codeLabel(lists, 'behov', i.value, lang)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {select('case-gender', '/gender', t('newCase.gender'), gender, setGender, 'kon')}
        <div className="field">
          <label htmlFor="case-start">{t('newCase.wantedStart')}</label>
          {err('/wantedStart', 'case-start-error')}
          <DateInput id="case-start" value={wantedStart} onChange={setWantedStart} describedBy={errors['/wantedStart'] ? 'case-start-error' : undefined} invalid={!!errors['/wantedStart']} />
        </div>
        <button type="submit" disabled={busy} aria-busy={busy || undefined}>
          {t('newCase.submit')}
        </button>
      </form>
    </>
  );
}
