import { useEffect, useState } from 'react';
import { ApiProblem } from '../api/client';
import { ErrorMessage } from '../app/Shell';
import { Link, navigate, query, usePath } from '../app/router';
import { ErrorSummary } from '../form/ErrorSummary';
import { SaveProblem } from '../form/SaveProblem';
import { AutoAnswered, FormView, type Layout } from '../form/FormView';
import { inputId } from '../form/QuestionField';
import { questionsOf, subjectText } from '../form/values';
import { useI18n } from '../i18n';
import { useResponse } from './useResponse';

/** Filling in a method: areas as steps or sections, drafts saved on every change, submit with error summary. */
export function FillPage({ id }: { id: string }) {
  const { t } = useI18n();
  const r = useResponse(id);
  const [layout, setLayout] = useState<Layout>(() => (localStorage.getItem('placera.layout') as Layout) || 'steps');
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(0);
  const [showQuestion, setShowQuestion] = useState<{ id: string; at: number } | undefined>(undefined);
  const state = r.state;
  // The step is in the address (?steg=2), so the back button goes to the previous step; without one the draft
  // opens at the step where the user last was.
  usePath(); // re-render when the address changes (back and forward buttons)
  const urlStep = Number(query('steg'));
  const step = urlStep >= 1 ? urlStep - 1 : lastStep(id);
  const goToStep = (n: number) => {
    if (n !== step) navigate(`/responses/${encodeURIComponent(id)}?steg=${n + 1}`);
  };
  useEffect(() => {
    rememberStep(id, step);
    if (!(urlStep >= 1)) navigate(`/responses/${encodeURIComponent(id)}?steg=${step + 1}`, true);
  }, [id, step, urlStep]);

  useEffect(() => {
    if (state?.status === 'submitted') navigate(`/responses/${id}/receipt`, true);
  }, [state?.status, id]);

  if (r.loadError && !state) return <ErrorMessage error={r.loadError} />;
  if (!state) return <p>{t('app.loading')}</p>;

  const summary = questionsOf(state)
    .filter(({ q }) => r.errors[q.id ?? ''])
    .map(({ q }) => ({
      fieldId: inputId('', q.id ?? ''),
      text: `${q.heading || q.text}: ${r.errors[q.id ?? '']}`,
      reveal: () => setShowQuestion({ id: q.id ?? '', at: Date.now() }),
    }));

  const saveDraft = async (close: boolean) => {
    setSavedNote(null);
    (document.activeElement as HTMLElement | null)?.blur?.();
    try {
      await r.flush();
    } catch {
      // SaveProblem, next to the buttons, says what failed; the answers stay on the page.
      return;
    }
    const time = new Date().toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
    setSavedNote(t('form.saved', { time }));
    if (close) navigate('/');
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSubmitError(null);
    try {
      (document.activeElement as HTMLElement | null)?.blur?.();
      await r.flush();
      const s = await r.submit();
      if (s) navigate(`/responses/${id}/receipt`);
      else setAttempts((n) => n + 1);
    } catch (err) {
      // A failed save is shown next to the buttons (SaveProblem), anything else at the top.
      if (!(err instanceof ApiProblem)) setSubmitError(err);
    } finally {
      setBusy(false);
    }
  };

  const chooseLayout = (l: Layout) => {
    setLayout(l);
    localStorage.setItem('placera.layout', l);
  };

  return (
    <>
      <h1>{state.method?.title}</h1>
      {state.subject?.id ? (
        <p className="subject-line">
          {t('tasks.subject', { type: subjectText(state.subject, t), id: '' }).trim()}
        </p>
      ) : null}
      <ErrorSummary items={summary} />
      <ErrorMessage error={submitError ?? r.loadError} />
      <div className="toolbar">
        <fieldset className="layout-choice">
          <legend>{t('form.layout')}</legend>
          {(['steps', 'sections'] as const).map((l) => (
            <span key={l} className="choice inline">
              <input type="radio" id={`layout-${l}`} name="layout" checked={layout === l} onChange={() => chooseLayout(l)} />
              <label htmlFor={`layout-${l}`}>{l === 'steps' ? t('form.steps') : t('form.sections')}</label>
            </span>
          ))}
        </fieldset>
        <Link to={`/responses/${id}/dialog`}>{t('form.dialog')}</Link>
      </div>
      <form onSubmit={submit} noValidate>
        <FormView state={state} errors={r.errors} errorsShown={attempts} showQuestion={showQuestion} layout={layout} step={step} onStep={goToStep} onChange={(q, v) => void r.change(q, v)} />
        <AutoAnswered state={state} />
        <p className="save-status" aria-live="polite">
          {r.saving ? t('form.saving') : r.saveError ? null : savedNote}
        </p>
        <SaveProblem error={r.saveError} retry={r.retry} />
        <div className="form-buttons">
          <button type="button" className="secondary" onClick={() => void saveDraft(false)}>
            {t('form.saveDraft')}
          </button>
          <button type="button" className="secondary" onClick={() => void saveDraft(true)}>
            {t('form.saveClose')}
          </button>
          <button type="submit" disabled={busy}>
            {t('form.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

const STEP_KEY = 'placera.step.';

/** The step (0-based) the user was last at in a response, kept in this browser. */
export function lastStep(id: string): number {
  const n = Number(typeof localStorage === 'undefined' ? NaN : localStorage.getItem(STEP_KEY + id));
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function rememberStep(id: string, step: number) {
  if (typeof localStorage !== 'undefined') localStorage.setItem(STEP_KEY + id, String(step));
}
