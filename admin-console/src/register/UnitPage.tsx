import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { register, type Exclusion, type Price, type UnitDetails } from '@rt/api/register';
import { ErrorMessage } from '@rt/app/Shell';
import { Link } from '@rt/app/router';
import { isMessageKey, useI18n, type Translate } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { codeLabel, useCodelists } from '@rt/matching/codelists';
import { formatKr, formatRate } from '@rt/matching/selection';
import { ratingText } from '@rt/pages/MatchingPage';
import { useAccess } from '../access';
import { OkNote } from '../common/fields';
import { useSubmit } from '../common/submit';
import { agreementLabel } from './RegisterPage';
import { REGISTER_CODELISTS, RecordHeading, SummaryRow, registerProblems } from './fields';
import { PriceHead, modelLabel } from './UnitForm';

/** One unit of the register: its fields, provider, agreement, prices and quality. */
export function UnitPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const can = useAccess();
  const lists = useCodelists(REGISTER_CODELISTS);
  const [d, setD] = useState<UnitDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    register.unit(id).then(setD, setError);
  }, [id]);
  if (!d) return error ? <ErrorMessage error={error} /> : <p>{t('app.loading')}</p>;
  const u = d.unit;
  const codes = (list: string, values?: string[]) => (values ?? []).map((v) => codeLabel(lists, list, v, lang)).join(', ') || '–';
  const row = (key: MessageKey, value: ReactNode) => <SummaryRow label={key} value={value} />;
  return (
    <>
      <RecordHeading name={u.name} active={u.active} version={u.version} created="register.unitCreated">
        {can.registerWrite ? <Link to={`/register/units/${encodeURIComponent(u.id)}/edit`}>{t('register.edit')}</Link> : null}
      </RecordHeading>
      <Exclusions exclusions={d.matchingExclusions ?? []} formLabel={(f) => codeLabel(lists, 'placeringsformer', f, lang)} canFix={can.registerWrite} />
      <dl>
        {row(
          'register.provider',
          d.provider ? <Link to={`/register/providers/${encodeURIComponent(d.provider.id)}`}>{`${d.provider.name} (${d.provider.orgNumber ?? ''})`}</Link> : u.providerId,
        )}
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
      <Files details={d} onChange={setD} canWrite={can.registerWrite} />
    </>
  );
}

/** An exclusion in words, e.g. "IVO-tillståndet har gått ut, så den visas inte vid sökning på HVB". */
export function exclusionText(t: Translate, e: Exclusion, formLabel: (form: string) => string): string {
  const key = `register.exclusion.${e.code}.${e.detail}`;
  return isMessageKey(key) ? t(key, { form: e.placementForm ? formLabel(e.placementForm) : '' }) : `${e.code}: ${e.detail}`;
}

/** Why matching leaves the unit out (the server's reasons), as a warning at the top of the unit's page. */
function Exclusions({ exclusions, formLabel, canFix }: { exclusions: Exclusion[]; formLabel: (form: string) => string; canFix: boolean }) {
  const { t } = useI18n();
  if (!exclusions.length) return null;
  return (
    <div className="warning-box" role="status" id="matching-exclusions" aria-labelledby="matching-exclusions-title">
      <h2 id="matching-exclusions-title">{t('register.exclusionsTitle')}</h2>
      <ul>
        {exclusions.map((e, i) => (
          <li key={i}>{exclusionText(t, e, formLabel)}</li>
        ))}
      </ul>
      {canFix ? <p>{t('register.exclusionsFix')}</p> : null}
    </div>
  );
}

const DOCUMENT_KINDS = ['information', 'avtal', 'ivo-tillstand', 'ovrigt'];

/** The IVO permit's PDF and the unit's documents: open, upload (register WRITE), remove. */
function Files({ details, onChange, canWrite }: { details: UnitDetails; onChange: (d: UnitDetails) => void; canWrite: boolean }) {
  const { t, formatDate } = useI18n();
  const u = details.unit;
  const [pdf, setPdf] = useState<File | null>(null);
  const [doc, setDoc] = useState<File | null>(null);
  const [kind, setKind] = useState('information');
  const [note, setNote] = useState<string | null>(null);
  const saving = useSubmit();
  const problems = registerProblems(saving.problems, t, {}, 'f', 'unit-files');
  const run = (action: () => Promise<UnitDetails>, done: string) =>
    void saving.run(async () => {
      setNote(null);
      onChange(await action());
      setNote(done);
    });
  const uploadPdf = (e: FormEvent) => {
    e.preventDefault();
    if (!pdf) return setNote(t('register.chooseFile'));
    run(() => register.putIvoPdf(u.id, pdf), t('register.documentUploaded', { name: pdf.name }));
  };
  const uploadDoc = (e: FormEvent) => {
    e.preventDefault();
    if (!doc) return setNote(t('register.chooseFile'));
    run(() => register.addDocument(u.id, kind, doc), t('register.documentUploaded', { name: doc.name }));
  };
  const docs = (u.documents ?? []).filter((x) => x.id !== u.ivoPermit?.documentId);
  const kindLabel = (k?: string | null) => (k && isMessageKey(`register.documentKind.${k}`) ? t(`register.documentKind.${k}` as MessageKey) : (k ?? '–'));
  return (
    <section aria-labelledby="files-title" id="unit-files" tabIndex={-1}>
      <h2 id="files-title">{t('register.documents')}</h2>
      {saving.problems.length ? (
        <div className="error-summary" role="alert">
          <ul>
            {saving.problems.map((p, i) => (
              <li key={i}>{problems.text(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorMessage error={saving.error} />
      <OkNote note={note} />
      <h3>{t('register.ivoPdf')}</h3>
      {u.ivoPermit?.documentId ? (
        <p>
          <a href={register.ivoPdfUrl(u.id)}>{t('register.ivoPdfOpen')}</a>
        </p>
      ) : (
        <p>{u.ivoPermit ? t('register.ivoPdfNone') : t('register.ivoPdfFirst')}</p>
      )}
      {canWrite && u.ivoPermit ? (
        <form className="inline-form" onSubmit={uploadPdf}>
          <div className="field">
            <label htmlFor="f-ivo-file">{t('register.ivoFile')}</label>
            <input id="f-ivo-file" type="file" accept="application/pdf,.pdf" onChange={(e) => setPdf(e.target.files?.[0] ?? null)} />
          </div>
          <button type="submit" className="secondary" disabled={saving.busy}>
            {t('register.upload')}
          </button>
        </form>
      ) : null}
      <h3>{t('register.documents')}</h3>
      {docs.length ? (
        <ul className="document-list">
          {docs.map((x) => (
            <li key={x.id}>
              <a href={register.documentUrl(u.id, x.id)}>{x.filename ?? x.id}</a> ({kindLabel(x.kind)}, {formatDate(x.uploadedAt ?? undefined)})
              {canWrite ? (
                <button type="button" className="small danger" onClick={() => run(() => register.removeDocument(u.id, x.id), t('register.documentRemoved', { name: x.filename ?? x.id }))}>
                  {t('register.documentRemove', { name: x.filename ?? x.id })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('register.noDocuments')}</p>
      )}
      {canWrite ? (
        <form className="inline-form" onSubmit={uploadDoc}>
          <div className="field">
            <label htmlFor="f-doc-kind">{t('register.documentKind')}</label>
            <select id="f-doc-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-doc-file">{t('register.documentFile')}</label>
            <input id="f-doc-file" type="file" onChange={(e) => setDoc(e.target.files?.[0] ?? null)} />
          </div>
          <button type="submit" className="secondary" disabled={saving.busy}>
            {t('register.upload')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function PriceTable({ prices }: { prices: Price[] }) {
  const { t, lang } = useI18n();
  if (!prices.length) return <p>{t('register.noPrices')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{t('register.prices')}</caption>
      <PriceHead />
      <tbody>
        {prices.map((p, i) => (
          <tr key={i}>
            <td>{p.validFrom ?? '–'}</td>
            <td>{p.validTo ?? '–'}</td>
            <td>{modelLabel(t, p.model)}</td>
            <td>
              {p.model === 'individuell'
                ? t('matching.individualPrice')
                : p.model === 'nivaer' && p.levels && typeof p.levels === 'object'
                  ? Object.entries(p.levels as Record<string, number>)
                      .sort(([a], [b]) => a.localeCompare(b))
                      .map(([l, v]) => `${l}: ${formatKr(v, lang)}`)
                      .join(', ')
                  : formatKr(p.perDay, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

