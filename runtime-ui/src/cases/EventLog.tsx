import { useEffect, useState } from 'react';
import { useI18n, type Translate } from '../i18n';
import { cases, EVENT_KINDS, type CaseEvent, type EventKind } from './api';
import { CaseProblem } from './problems';

/** The case's event log (PA-11): filter by kind, search by words; oldest first. */
export function EventLog({ id, version }: { id: string; version: number }) {
  const { t, formatDate } = useI18n();
  const [kind, setKind] = useState<EventKind | ''>('');
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState<{ kind: EventKind | ''; q: string }>({ kind: '', q: '' });
  const [events, setEvents] = useState<CaseEvent[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    cases.events(id, applied.kind ? [applied.kind] : [], applied.q).then(setEvents, setError);
  }, [id, applied, version]);

  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">{t('events.title')}</h2>
      <form className="inline-form" role="search" aria-label={t('events.search')}
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ kind, q });
        }}>
        <div className="field">
          <label htmlFor="events-kind">{t('events.kind')}</label>
          <select id="events-kind" value={kind} onChange={(e) => setKind(e.target.value as EventKind | '')}>
            <option value="">{t('events.allKinds')}</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`events.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="events-q">{t('events.search')}</label>
          <input id="events-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit">{t('events.filter')}</button>
      </form>
      <CaseProblem error={error} />
      {events === null ? <p>{t('app.loading')}</p> : (
        <>
          <p role="status">{t('events.count', { count: events.length })}</p>
          {!events.length ? <p>{t('events.none')}</p> : (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t('events.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.when')}</th>
                    <th scope="col">{t('events.who')}</th>
                    <th scope="col">{t('events.kind')}</th>
                    <th scope="col">{t('events.what')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => (
                    <tr key={e.seq}>
                      <td className="nowrap">{formatDate(e.at)}</td>
                      <td>{e.actor}</td>
                      <td>{t(`events.kind.${(EVENT_KINDS as readonly string[]).includes(e.kind ?? '') ? e.kind as EventKind : 'other'}`)}</td>
                      <td>{describe(e, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** What an event says, in the UI language, from its structured data. */
export function describe(e: CaseEvent, t: Translate): string {
  const d = (e.details ?? {}) as Record<string, unknown>;
  if (e.action === 'case.create') return t('events.create', { to: e.toTitle ?? '' });
  if (e.kind === 'case' && e.to) return t('events.transition', { from: e.fromTitle ?? '', to: e.toTitle ?? '' });
  if (e.kind === 'note') return t('events.note', { text: e.text ?? '' });
  if (e.kind === 'transfer') return t('events.transferTo', { from: String(d.from ?? ''), to: String(d.to ?? '') });
  if (e.kind === 'document' && e.document) {
    return t('events.document', { type: e.document.type ?? '', method: e.document.methodId ?? '' });
  }
  if (e.kind === 'access') return t('events.read', { action: e.action ?? '' });
  return t('events.action', { action: e.action ?? '' });
}
