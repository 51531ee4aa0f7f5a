import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiProblem, newIdempotencyKey, responses, type FormState } from '../api/client';
import { DateInput } from '../app/DateInput';
import { matching, type Criteria, type Hit } from '../api/register';
import { isMessageKey, useI18n } from '../i18n';
import type { MessageKey } from '../i18n/sv';
import { placesText } from '../pages/MatchingPage';
import { formatKr } from '../matching/selection';
import { inquiries, type CaseView, type Inquiry, type InquiryAnswer, type Round } from './api';
import { addDays, endOfSwedishDay, swedishDay } from './deadlines';
import { CaseProblem, FieldError, fieldErrors, useFieldText } from './problems';

/** How long a round runs unless the caseworker says otherwise. */
export const DEFAULT_DEADLINE_DAYS = 7;

/** The state of one inquiry as the caseworker reads it. */
export type InquiryState = 'sent' | 'overdue' | 'answered' | 'late' | 'chosen' | 'not-chosen' | 'unanswered-closed';

export function inquiryState(i: Inquiry, now: Date = new Date()): InquiryState {
  if (i.status === 'chosen') return 'chosen';
  if (i.status === 'not-chosen') return 'not-chosen';
  if (i.answer) return i.answer.late ? 'late' : 'answered';
  if (!i.roundOpen) return 'unanswered-closed';
  return i.deadline && new Date(i.deadline) < now ? 'overdue' : 'sent';
}

/** The case's facts as matching criteria: the match list of the case. */
export function criteriaOf(c: CaseView, limit = 25): Criteria {
  const f = (c.facts ?? {}) as Record<string, unknown>;
  const s = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  return {
    targetGroup: s('targetGroup'),
    placementForm: s('placementForm'),
    legalBasis: s('legalBasis'),
    gender: s('gender'),
    age: typeof f.age === 'number' ? f.age : undefined,
    needs: Array.isArray(f.needs) ? (f.needs as string[]) : [],
    dateNeeded: s('startDate'),
    limit,
  };
}

/**
 * Inquiries on the case page (PA-3 to PA-6): the case's match list to pick units from, one round with a deadline,
 * the rounds with each inquiry's state, deadline (movable while the round is open) and answer read back with its
 * labels and PDF attachments, and "Välj" to choose an answer with a reason.
 */
export function InquiriesSection({ c, onCaseChanged }: { c: CaseView; onCaseChanged: () => void }) {
  const { t } = useI18n();
  const id = c.id ?? '';
  const [rounds, setRounds] = useState<Round[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    inquiries.rounds(id).then((r) => { setRounds(r); setError(null); }, setError);
  }, [id]);
  useEffect(load, [load, c.revision]);
  const changed = () => {
    load();
    onCaseChanged();
  };
  const open = (rounds ?? []).some((r) => r.status === 'open');
  const placed = !!c.placement?.unitId;
  const canSend = !c.closed && !placed && !open
    && (c.actions ?? []).some((a) => a.verb === 'skicka-forfragan' && a.allowed);

  return (
    <section aria-labelledby="inquiries-title">
      <h2 id="inquiries-title">{t('inq.title')}</h2>
      <CaseProblem error={error} />
      {rounds === null && !error ? <p>{t('app.loading')}</p> : null}
      {rounds && !rounds.length ? <p>{t('inq.none')}</p> : null}
      {(rounds ?? []).map((r, n) => (
        <RoundView key={r.id} c={c} round={r} number={(rounds?.length ?? 0) - n} onChanged={changed} />
      ))}
      {canSend ? <SendRound c={c} onSent={changed} /> : null}
    </section>
  );
}

/** The case's match list, and the round to send to the units picked from it. */
function SendRound({ c, onSent }: { c: CaseView; onSent: () => void }) {
  const { t, lang } = useI18n();
  const fieldText = useFieldText();
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [deadline, setDeadline] = useState(() => addDays(swedishDay(new Date()), DEFAULT_DEADLINE_DAYS));
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per round being sent: a retry after a lost answer sends nothing twice; a sent round takes a new one.
  const key = useRef(newIdempotencyKey());
  const results = useRef<HTMLHeadingElement>(null);

  const search = async () => {
    setError(null);
    try {
      const r = await matching.search(criteriaOf(c));
      setHits(r.results);
      setPicked([]);
      setTimeout(() => results.current?.focus(), 0);
    } catch (err) {
      setError(err);
    }
  };
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await inquiries.send(c.id ?? '', {
        unitIds: picked,
        deadline: deadline ? endOfSwedishDay(deadline) : undefined,
        content: description ? { beskrivning: description } : {},
        revision: c.revision ?? 0,
      }, key.current);
      key.current = newIdempotencyKey();
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errors = fieldErrors(error, fieldText);
  // Errors about the units point at /unitIds/<index in the list sent>.
  const unitError = (unitId: string) => errors[`/unitIds/${picked.indexOf(unitId)}`];
  const contentErrors = Object.entries(errors).filter(([p]) => p.startsWith('/content/') && p !== '/content/beskrivning');
  const stale = error instanceof ApiProblem && error.code === 'CASE_CHANGED';

  return (
    <div className="panel">
      <h3 id="send-title">{t('inq.send.title')}</h3>
      <p>{t('inq.send.intro')}</p>
      <button type="button" className="secondary" onClick={() => void search()}>
        {hits ? t('inq.send.searchAgain') : t('inq.send.search')}
      </button>
      {hits ? (
        <form onSubmit={send} aria-labelledby="send-title">
          <h4 id="match-title" tabIndex={-1} ref={results}>
            {t('inq.send.matches', { n: hits.length })}
          </h4>
          {errors['/unitIds'] ? <FieldError id="units-error" text={errors['/unitIds']} /> : null}
          {hits.length ? (
            <div className="table-scroll" role="region" aria-labelledby="match-title" tabIndex={0}>
              <table className="results-table match-pick">
                <caption className="visually-hidden">{t('inq.send.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('inq.send.pick')}</th>
                    <th scope="col">{t('matching.col.unit')}</th>
                    <th scope="col">{t('matching.col.locality')}</th>
                    <th scope="col">{t('matching.col.placesVacant')}</th>
                    <th scope="col">{t('matching.col.price')}</th>
                    <th scope="col">{t('inq.send.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {hits.map((h) => {
                    const boxId = `pick-${h.unitId}`;
                    const err = unitError(h.unitId);
                    return (
                      <tr key={h.unitId}>
                        <td>
                          <input type="checkbox" id={boxId} checked={picked.includes(h.unitId)}
                            aria-invalid={err ? true : undefined} aria-describedby={err ? `${boxId}-error` : undefined}
                            onChange={(e) => setPicked((p) => (e.target.checked ? [...p, h.unitId] : p.filter((x) => x !== h.unitId)))} />
                          <label htmlFor={boxId} className="visually-hidden">
                            {t('inq.send.pickUnit', { name: h.unitName })}
                          </label>
                        </td>
                        <th scope="row">
                          <span className="unit-name">{h.unitName}</span>{' '}
                          <span className="provider-name">{h.providerName}</span>
                          <FieldError id={`${boxId}-error`} text={err} />
                        </th>
                        <td>{h.locality ?? h.municipality}</td>
                        <td>{placesText(t, h)}</td>
                        <td>{h.priceModel === 'individuell' ? t('matching.individualPrice') : formatKr(h.pricePerDay, lang)}</td>
                        <td>{Math.round(h.score)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('matching.noResults')}</p>
          )}
          <div className="inline-form">
            <div className="field">
              <label htmlFor="round-deadline">{t('inq.send.deadline')}</label>
              <FieldError id="round-deadline-error" text={errors['/deadline']} />
              <DateInput id="round-deadline" value={deadline} onChange={setDeadline} invalid={!!errors['/deadline']}
                describedBy={['round-deadline-hint', errors['/deadline'] ? 'round-deadline-error' : ''].filter(Boolean).join(' ')} />
              <p className="hint" id="round-deadline-hint">{t('inq.send.deadlineHint')}</p>
            </div>
          </div>
          <div className="field">
            <label htmlFor="round-description">{t('inq.send.description')}</label>
            <FieldError id="round-description-error" text={errors['/content/beskrivning']} />
            <textarea id="round-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)}
              aria-invalid={errors['/content/beskrivning'] ? true : undefined}
              aria-describedby={['round-description-hint', errors['/content/beskrivning'] ? 'round-description-error' : ''].filter(Boolean).join(' ')} />
            <p className="hint" id="round-description-hint">{t('inq.send.descriptionHint')}</p>
          </div>
          {contentErrors.map(([p, text]) => (
            <p key={p} className="field-error">{t('inq.send.contentError', { field: contentField(t, p.substring('/content/'.length)), text })}</p>
          ))}
          <CaseProblem error={error} />
          {stale ? (
            <button type="button" className="secondary" onClick={onSent}>
              {t('inq.reload')}
            </button>
          ) : null}
          <button type="submit" disabled={busy || !picked.length}>
            {t('inq.send.submit', { n: picked.length })}
          </button>
        </form>
      ) : null}
      {!hits ? <CaseProblem error={error} /> : null}
    </div>
  );
}

/** A question of the inquiry method by its name in the bundle, else its id. */
function contentField(t: ReturnType<typeof useI18n>['t'], id: string): string {
  const key = `inq.content.${id}`;
  return isMessageKey(key) ? t(key) : id;
}

const STATE_KEYS: Record<InquiryState, MessageKey> = {
  sent: 'inq.state.sent',
  overdue: 'inq.state.overdue',
  answered: 'inq.state.answered',
  late: 'inq.state.late',
  chosen: 'inq.state.chosen',
  'not-chosen': 'inq.state.not-chosen',
  'unanswered-closed': 'inq.state.unanswered-closed',
};

/** One round: its inquiries with state, deadline, answer, attachments and "Välj"; the decision once made. */
function RoundView({ c, round, number, onChanged }: { c: CaseView; round: Round; number: number; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const [choosing, setChoosing] = useState<Inquiry | null>(null);
  const [status, setStatus] = useState('');
  const open = round.status === 'open';
  const list = round.inquiries ?? [];
  const chosen = list.find((i) => i.id === round.decision?.inquiryId);
  const titleId = `round-${round.id}-title`;
  return (
    <article className="panel round" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('inq.round', { n: number })} <span className="status-tag">{open ? t('inq.round.open') : t('inq.round.closed')}</span>
      </h3>
      <p>
        {t('inq.round.sent', { date: formatDate(round.sentAt), by: round.sentBy ?? '', deadline: formatDate(round.deadline) })}
      </p>
      <p className="ok-message" role="status">{status}</p>
      {round.decision ? (
        <p className="decision">
          {t('inq.decision', {
            unit: chosen?.unitName ?? round.decision.unitId ?? '',
            by: round.decision.decidedBy ?? '',
            date: formatDate(round.decision.decidedAt),
            reason: round.decision.reason ?? '',
          })}
        </p>
      ) : null}
      <ul className="inquiry-list">
        {list.map((i) => (
          <InquiryItem key={i.id} caseId={c.id ?? ''} i={i} roundOpen={open}
            onChoose={() => setChoosing(i)} onChanged={(text) => { setStatus(text); onChanged(); }} />
        ))}
      </ul>
      {choosing && open ? (
        <ChooseForm c={c} i={choosing} onCancel={() => setChoosing(null)} onReload={onChanged}
          onChosen={() => { setChoosing(null); setStatus(t('inq.chosen', { unit: choosing.unitName ?? '' })); onChanged(); }} />
      ) : null}
    </article>
  );
}

function InquiryItem({ caseId, i, roundOpen, onChoose, onChanged }: {
  caseId: string; i: Inquiry; roundOpen: boolean; onChoose: () => void; onChanged: (status: string) => void;
}) {
  const { t, formatDate } = useI18n();
  const fieldText = useFieldText();
  const state = inquiryState(i);
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState(i.deadline ? swedishDay(i.deadline) : '');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, fieldText);
  const base = `inq-${i.id}`;
  const move = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await inquiries.deadline(caseId, i.id ?? '', endOfSwedishDay(day));
      setEditing(false);
      onChanged(t('inq.deadlineMoved', { unit: i.unitName ?? '', date: day }));
    } catch (err) {
      setError(err);
    }
  };
  const a = i.answer;
  return (
    <li className="inquiry" aria-labelledby={`${base}-unit`}>
      <h4 id={`${base}-unit`}>
        {i.unitName} <span className="provider-name">{i.providerName}</span>{' '}
        <span className={`status-tag inquiry-state-${state}`} data-state={state}>{t(STATE_KEYS[state])}</span>
      </h4>
      <p>
        {t('inq.deadline', { date: formatDate(i.deadline) })}
        {i.reminderSentAt ? ` · ${t('inq.reminded', { date: formatDate(i.reminderSentAt) })}` : ''}
        {roundOpen && !a && !editing ? (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => setEditing(true)}
              aria-label={t('inq.moveDeadlineOf', { unit: i.unitName ?? '' })}>
              {t('inq.moveDeadline')}
            </button>
          </>
        ) : null}
      </p>
      {editing ? (
        <form className="inline-form" onSubmit={move}>
          <div className="field">
            <label htmlFor={`${base}-deadline`}>{t('inq.newDeadline', { unit: i.unitName ?? '' })}</label>
            <FieldError id={`${base}-deadline-error`} text={errors['/deadline']} />
            <DateInput id={`${base}-deadline`} value={day} onChange={setDay} invalid={!!errors['/deadline']}
              describedBy={errors['/deadline'] ? `${base}-deadline-error` : undefined} />
          </div>
          <button type="submit">{t('inq.saveDeadline')}</button>
          <button type="button" className="secondary" onClick={() => { setEditing(false); setError(null); }}>
            {t('case.cancel')}
          </button>
          {!errors['/deadline'] ? <CaseProblem error={error} /> : null}
        </form>
      ) : null}
      {a ? (
        <>
          <p className="hint">
            {t(a.late ? 'inq.answeredLate' : 'inq.answeredAt', { date: formatDate(a.answeredAt) })}
            {a.receivedVia ? ` ${t('inq.receivedVia', { via: viaText(t, a.receivedVia) })}` : ''}
          </p>
          <AnswerReadBack i={i} a={a} />
          {a.attachments?.length ? (
            <ul className="attachments" aria-label={t('inq.attachments', { unit: i.unitName ?? '' })}>
              {a.attachments.map((att, n) => (
                <li key={att}>
                  <a href={inquiries.attachmentUrl(caseId, i.id ?? '', att)} download>
                    {t('inq.attachment', { n: n + 1, unit: i.unitName ?? '' })}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {roundOpen ? (
            a.available ? (
              <button type="button" onClick={onChoose} aria-label={t('inq.chooseUnit', { unit: i.unitName ?? '' })}>
                {t('inq.choose')}
              </button>
            ) : (
              <p className="hint">{t('inq.notAvailable')}</p>
            )
          ) : null}
        </>
      ) : null}
    </li>
  );
}

function viaText(t: ReturnType<typeof useI18n>['t'], via: string): string {
  const key = `inq.via.${via}`;
  return isMessageKey(key) ? t(key) : via;
}

/** A stored value as a person reads it: the label of an alternative, a number the Swedish way, yes/no. */
function valueText(q: { options?: { value?: string; label?: string }[]; value?: unknown }, lang: 'sv' | 'en', fallback?: unknown): string {
  const v = q.value;
  const label = (x: unknown) => q.options?.find((o) => o.value === x)?.label ?? String(x);
  if (Array.isArray(v)) return v.map(label).join(', ');
  if (typeof v === 'number') return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(v);
  if (typeof v === 'string' && q.options?.length) return label(v);
  if (v == null && fallback != null) return String(fallback);
  return v == null ? '' : String(v);
}

/**
 * The provider's answer read back: each answered question with its heading and the label of the answer (never a
 * code), computed from the answer's own method version (the form runtime's preview; nothing is stored).
 */
function AnswerReadBack({ i, a }: { i: Inquiry; a: InquiryAnswer }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState<FormState | null>(null);
  const answers = (a.answers ?? {}) as Record<string, unknown>;
  const labels = (a.answerLabels ?? {}) as Record<string, unknown>;
  const method = i.responseMethod;
  useEffect(() => {
    if (!method?.id || method.version == null) return;
    responses.preview(method.id, method.version, answers as never).then(setForm, () => setForm(null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [method?.id, method?.version, i.id, a.answeredAt]);
  const rows: [string, string][] = [];
  if (form) {
    for (const area of form.areas ?? []) {
      for (const q of area.questions ?? []) {
        if (!q.id || answers[q.id] == null || answers[q.id] === '') continue;
        rows.push([q.heading || q.text || q.id, valueText({ ...q, value: answers[q.id] }, lang, labels[q.id])]);
      }
    }
  } else {
    // Until (or unless) the method is read: the server's labels, else the facts it read from the answer.
    if (a.available != null) rows.push([t('inq.answer.available'), a.available ? t('inq.yes') : t('inq.no')]);
    if (a.pricePerDay != null) rows.push([t('inq.answer.price'), formatKr(a.pricePerDay, lang)]);
    if (a.startDate) rows.push([t('inq.answer.start'), a.startDate]);
    if (a.transport != null) rows.push([t('inq.answer.transport'), a.transport ? t('inq.yes') : t('inq.no')]);
    if (a.comment) rows.push([t('inq.answer.comment'), a.comment]);
  }
  return (
    <dl className="facts answer" aria-label={t('inq.answerOf', { unit: i.unitName ?? '' })}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Välj": the reason, then the decision through the decision endpoint with the case's revision. */
function ChooseForm({ c, i, onCancel, onChosen, onReload }: {
  c: CaseView; i: Inquiry; onCancel: () => void; onChosen: () => void; onReload: () => void;
}) {
  const { t } = useI18n();
  const fieldText = useFieldText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [i.id]);
  const errors = fieldErrors(error, fieldText);
  const stale = error instanceof ApiProblem && error.code === 'CASE_CHANGED';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await inquiries.decide(c.id ?? '', i.id ?? '', reason, c.revision ?? 0);
      onChosen();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel choose" onSubmit={submit} aria-labelledby="choose-title">
      <h4 id="choose-title" tabIndex={-1} ref={heading}>{t('inq.chooseTitle', { unit: i.unitName ?? '' })}</h4>
      <p>{t('inq.chooseIntro')}</p>
      <div className="field">
        <label htmlFor="choose-reason">{t('inq.reason')}</label>
        <FieldError id="choose-reason-error" text={errors['/reason']} />
        <textarea id="choose-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors['/reason'] ? true : undefined}
          aria-describedby={errors['/reason'] ? 'choose-reason-error' : undefined} />
      </div>
      {!errors['/reason'] ? <CaseProblem error={error} /> : null}
      {stale ? (
        <button type="button" className="secondary" onClick={() => { setError(null); onReload(); }}>
          {t('inq.reload')}
        </button>
      ) : null}
      <button type="submit" disabled={busy}>{t('inq.confirmChoice')}</button>
      <button type="button" className="secondary" onClick={onCancel}>{t('case.cancel')}</button>
    </form>
  );
}

/** The placement the decision made, for the case's facts. */
export function PlacementFacts({ c }: { c: CaseView }) {
  const { t, lang, formatDate } = useI18n();
  const p = c.placement;
  if (!p?.unitId) return null;
  return (
    <>
      <dt>{t('inq.placement')}</dt>
      <dd>
        {t('inq.placementText', {
          unit: p.unitName ?? p.unitId, provider: p.providerName ?? '', price: formatKr(p.pricePerDay, lang),
          start: p.startDate ?? '–', by: p.decidedBy ?? '', date: formatDate(p.decidedAt),
        })}
      </dd>
    </>
  );
}
