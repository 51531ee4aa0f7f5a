import { useEffect, useState, type ReactNode } from 'react';
import { register, type Price, type UnitDetails } from '@rt/api/register';
import { ErrorMessage } from '@rt/app/Shell';
import { Link } from '@rt/app/router';
import { useI18n } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { codeLabel, useCodelists } from '@rt/matching/codelists';
import { formatKr, formatRate } from '@rt/matching/selection';
import { ratingText } from '@rt/pages/MatchingPage';
import { agreementLabel } from './RegisterPage';
import { REGISTER_CODELISTS, RecordHeading, SummaryRow } from './fields';
import { PriceHead, modelLabel } from './UnitForm';

/** One unit of the register: its fields, provider, agreement, prices and quality. */
export function UnitPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
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
        <Link to={`/register/units/${encodeURIComponent(u.id)}/edit`}>{t('register.edit')}</Link>
      </RecordHeading>
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
    </>
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
            <td>{p.model === 'individuell' ? t('matching.individualPrice') : formatKr(p.perDay, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

