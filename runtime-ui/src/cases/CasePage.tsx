import { useCallback, useEffect, useState } from 'react';
import { isMessageKey, useI18n } from '../i18n';
import type { MessageKey } from '../i18n/sv';
import { codeLabel, useCodelists } from '../matching/codelists';
import { cases, type CaseView, type Note } from './api';
import { EventLog } from './EventLog';
import { InquiriesSection, PlacementFacts } from './Inquiries';
import { ClockTimeline } from './ClockTimeline';
import { CaseProblem, FieldError, fieldErrors, useFieldText } from './problems';

const LISTS = ['malgrupper', 'placeringsformer', 'lagrum', 'behov', 'avslutsorsaker'];

/**
 * One case: facts, masked number with reveal, state and actions, tasks, inquiries and the decision, holders, notes,
 * transfer, event log.
 */
export function CasePage({ id }: { id: string }) {
  const { t, lang, formatDate } = useI18n();
  const lists = useCodelists(LISTS);
  const [c, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [revealed, setRevealed] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [endReason, setEndReason] = useState('');
  const [logVersion, setLogVersion] = useState(0);

  const reload = useCallback(() => {
    cases.get(id).then(setCase, setError);
    setLogVersion((v) => v + 1);
  }, [id]);
  useEffect(reload, [reload]);

  if (!c) {
    return (
      <>
        <h1>{t('case.title')}</h1>
        {error ? <CaseProblem error={error} /> : <p>{t('app.loading')}</p>}
      </>
    );
  }
  const facts = (c.facts ?? {}) as Record<string, unknown>;
  const fact = (key: string) => (typeof facts[key] === 'string' ? (facts[key] as string) : '');
  const needs = Array.isArray(facts.needs) ? (facts.needs as string[]) : [];
  const name = c.client?.name ?? t('cases.noName');

  const act = async (verb: string, title: string) => {
    setError(null);
    setStatus('');
    try {
      const next = await cases.act(id, verb, c.revision ?? 0, endReason || undefined, comment || undefined);
      setCase(next);
      setComment('');
      setEndReason('');
      setStatus(t('case.actionDone', { title }));
      setLogVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <h1>
        {t('case.title')}: {name} <span className="status-tag">{c.stateTitle}</span>
      </h1>
      <CaseProblem error={error} />
      <p className="ok-message" role="status">
        {status}
      </p>
      <section aria-labelledby="facts-title" className="panel">
        <h2 id="facts-title">{t('case.facts')}</h2>
        <dl className="facts">
          <dt>{t('case.clientNumber')}</dt>
          <dd>
            <span className="nowrap">{revealed ?? c.client?.masked}</span>{' '}
            {revealed ? (
              <span className="hint">{t('case.revealed')}</span>
            ) : (
              <button type="button" className="link-button" onClick={() => cases.reveal(id).then(
                (r) => setRevealed((r as Record<string, string>).personalIdentityNumber ?? null), setError)}>
                {t('case.reveal')}
              </button>
            )}
          </dd>
          {c.client?.age != null ? (
            <>
              <dt>{t('case.age')}</dt>
              <dd>{t('case.years', { age: c.client.age })}</dd>
            </>
          ) : null}
          <dt>{t('cases.targetGroup')}</dt>
          <dd>{codeLabel(lists, 'malgrupper', fact('targetGroup'), lang) || '–'}</dd>
          <dt>{t('cases.placementForm')}</dt>
          <dd>{codeLabel(lists, 'placeringsformer', fact('placementForm'), lang) || '–'}</dd>
          <dt>{t('case.legalBasis')}</dt>
          <dd>{codeLabel(lists, 'lagrum', fact('legalBasis'), lang) || '–'}</dd>
          <dt>{t('case.needs')}</dt>
          <dd>{needs.map((n) => codeLabel(lists, 'behov', n, lang)).join(', ') || '–'}</dd>
          <dt>{t('case.wantedStart')}</dt>
          <dd>{fact('startDate') || '–'}</dd>
          <dt>{t('cases.responsible')}</dt>
          <dd>{c.responsible}</dd>
          <dt>{t('case.coordinator')}</dt>
          <dd>{c.coordinator ?? '–'}</dd>
          <PlacementFacts c={c} />
        </dl>
      </section>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t('case.actions')}</h2>
        {c.closed ? <p>{t('case.closed')}</p> : null}
        {!c.actions?.length ? <p>{t('case.noActions')}</p> : (
          <>
            <div className="inline-form">
              <div className="field">
                <label htmlFor="action-comment">{t('case.comment')}</label>
                <input id="action-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
              </div>
              {c.actions.some((a) => a.to === 'avslutad') ? (
                <div className="field">
                  <label htmlFor="action-reason">{t('case.endReason')}</label>
                  <select id="action-reason" value={endReason} onChange={(e) => setEndReason(e.target.value)}>
                    <option value="">{t('newCase.choose')}</option>
                    {(lists.avslutsorsaker ?? []).map((i) => (
                      <option key={i.value} value={i.value}>
                        {codeLabel(lists, 'avslutsorsaker', i.value, lang)}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </div>
            <ul className="action-list">
              {c.actions.map((a) => a.placement ? (
                <li key={a.verb}>
                  {/* Recording the placement needs the chosen answer: it is taken in the inquiries section. */}
                  <span className="hint">{t('case.placementViaInquiries', { title: a.title ?? '' })}</span>{' '}
                  <a href="#inquiries-title">{t('case.toInquiries')}</a>
                </li>
              ) : (
                <li key={a.verb}>
                  <button type="button" disabled={!a.allowed} aria-describedby={a.refusal ? `refusal-${a.verb}` : undefined}
                    onClick={() => void act(a.verb ?? '', a.title ?? '')}>
                    {a.title}
                  </button>
                  {a.refusal ? (
                    <span className="hint" id={`refusal-${a.verb}`}>
                      {' '}
                      {a.refusal}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t('case.tasks')}</h2>
        {!c.tasks?.length ? <p>{t('case.noTasks')}</p> : (
          <ul className="task-list">
            {c.tasks.map((task) => (
              <li key={task.id}>
                <span className="task-title">{task.title}</span>{' '}
                <span className="task-date">
                  {task.due ? t('case.due', { date: task.due }) : ''} · {task.assignedTo ?? task.assignee} ·{' '}
                  {t(`case.taskStatus.${task.status === 'done' ? 'done' : task.status === 'closed' ? 'closed' : 'open'}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <InquiriesSection c={c} onCaseChanged={reload} />
      <ClockTimeline id={id} version={logVersion} />

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('case.history')}</h2>
        <ol>
          {(c.history ?? []).map((s, i) => (
            <li key={i}>
              {formatDate(s.at)}: {t('case.step', { title: s.title ?? s.verb ?? '', by: s.by ?? '', from: s.fromTitle ?? s.from ?? '',
                to: s.toTitle ?? s.to ?? '' })}
              {s.comment ? ` – ${s.comment}` : ''}
            </li>
          ))}
        </ol>
        <h3>{t('case.holders')}</h3>
        <ul>
          {(c.holders ?? []).map((h, i) => (
            <li key={i}>
              {h.until
                ? t('case.heldUntil', { user: h.username ?? '', from: formatDate(h.from), until: formatDate(h.until) })
                : t('case.held', { user: h.username ?? '', from: formatDate(h.from) })}
              {h.reason ? ` (${h.reason})` : ''}
            </li>
          ))}
        </ul>
      </section>

      <Notes id={id} onChange={() => setLogVersion((v) => v + 1)} />
      {!c.closed ? <TransferForm c={c} onMoved={reload} /> : null}
      <EventLog id={id} version={logVersion} />
    </>
  );
}

function Notes({ id, onChange }: { id: string; onChange: () => void }) {
  const { t, formatDate } = useI18n();
  const fieldText = useFieldText();
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [text, setText] = useState('');
  const [correcting, setCorrecting] = useState<Note | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    cases.notes(id).then(setNotes, setError);
  }, [id]);
  useEffect(load, [load]);
  const errors = fieldErrors(error, fieldText);
  const roles = (codes?: string) =>
    (codes ?? '').split(',').filter(Boolean)
      .map((r) => (isMessageKey(`case.role.${r}`) ? t(`case.role.${r}` as MessageKey) : r)).join(', ');
  const byId = new Map((notes ?? []).map((n) => [n.id, n]));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await cases.addNote(id, text, correcting?.id);
      setText('');
      setCorrecting(null);
      load();
      onChange();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">{t('case.notes')}</h2>
      {notes === null ? <p>{t('app.loading')}</p> : null}
      {notes && !notes.length ? <p>{t('case.noNotes')}</p> : null}
      <ul className="note-list">
        {(notes ?? []).map((n) => (
          <li key={n.id} className={n.correctedBy ? 'note corrected' : 'note'}>
            <p className="note-meta">
              {t('case.noteBy', { author: n.authorName ?? n.author ?? '', role: roles(n.role), date: formatDate(n.at) })}
            </p>
            {n.corrects ? <p className="hint">{t('case.corrects', { date: formatDate(byId.get(n.corrects)?.at) })}</p> : null}
            <p className="note-text">{n.text}</p>
            {n.correctedBy ? <p className="hint">{t('case.correctedBy')}</p> : null}
            <button type="button" className="link-button" onClick={() => setCorrecting(n)}
              aria-label={t('case.correctThis', { date: formatDate(n.at) })}>
              {t('case.correct')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={save}>
        {correcting ? (
          <p>
            {t('case.corrects', { date: formatDate(correcting.at) })}{' '}
            <button type="button" className="link-button" onClick={() => setCorrecting(null)}>
              {t('case.cancel')}
            </button>
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="note-text">{correcting ? t('case.correction') : t('case.noteText')}</label>
          <FieldError id="note-text-error" text={errors['/text']} />
          <textarea id="note-text" rows={3} value={text} onChange={(e) => setText(e.target.value)}
            aria-invalid={errors['/text'] ? true : undefined} aria-describedby={errors['/text'] ? 'note-text-error' : undefined} />
        </div>
        {!Object.keys(errors).length ? <CaseProblem error={error} /> : null}
        <button type="submit">{t('case.addNote')}</button>
      </form>
    </section>
  );
}

function TransferForm({ c, onMoved }: { c: CaseView; onMoved: () => void }) {
  const { t } = useI18n();
  const fieldText = useFieldText();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const errors = fieldErrors(error, fieldText);
  const move = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await cases.transfer(c.id ?? '', c.revision ?? 0, to, reason || undefined);
      setDone(t('case.transferred', { user: to }));
      setTo('');
      setReason('');
      onMoved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="transfer-title" className="panel">
      <h2 id="transfer-title">{t('case.transfer')}</h2>
      <p className="ok-message" role="status">
        {done}
      </p>
      <form onSubmit={move} className="inline-form">
        <div className="field">
          <label htmlFor="transfer-to">{t('case.transferTo')}</label>
          <FieldError id="transfer-to-error" text={errors['/to']} />
          <input id="transfer-to" value={to} onChange={(e) => setTo(e.target.value)} autoComplete="off"
            aria-invalid={errors['/to'] ? true : undefined} aria-describedby={errors['/to'] ? 'transfer-to-error' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="transfer-reason">{t('case.transferReason')}</label>
          <input id="transfer-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit">{t('case.transferSubmit')}</button>
      </form>
      {!Object.keys(errors).length ? <CaseProblem error={error} /> : null}
    </section>
  );
}
