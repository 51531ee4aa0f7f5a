import { useEffect, useRef, useState } from 'react';
import type { AnswerValue, AreaState, FormState } from '../api/client';
import { useT } from '../i18n';
import { QuestionField } from './QuestionField';
import { answerText, isAnswered, questionsOf } from './values';

export type Layout = 'steps' | 'sections';

export interface FormViewProps {
  state: FormState;
  errors?: Record<string, string>;
  prefix?: string;
  layout?: Layout;
  disabled?: boolean;
  onChange: (questionId: string, value: AnswerValue) => void;
  /** Heading level of area titles (the designer preview sits lower in its page). */
  headingLevel?: 2 | 3;
  /** Changes after each failed submit: step mode then shows the first area with an error. */
  errorsShown?: number;
  /** Step mode: show the area holding this question (set by the error summary's links). */
  showQuestion?: { id: string; at: number };
  /**
   * Step mode, controlled: the step shown (0-based) and how to change it. The fill page keeps the step in the
   * address, so the browser's back button goes to the previous step and a reload stays there.
   */
  step?: number;
  onStep?: (step: number) => void;
}

/**
 * Renders a form state exactly as the server computed it: visible areas and questions, current alternatives,
 * values. Automatically answered questions are not asked; they are listed in the summary instead.
 */
export function FormView({ state, errors = {}, prefix = '', layout = 'sections', disabled, onChange, headingLevel = 2, errorsShown = 0, showQuestion, step: shown, onStep }: FormViewProps) {
  const t = useT();
  const areas = (state.areas ?? []).filter((a) => (a.questions ?? []).some((q) => !q.auto));
  const [ownStep, setOwnStep] = useState(0);
  const step = shown ?? ownStep;
  const setStep = onStep ?? setOwnStep;
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstErrorArea = areas.findIndex((a) => (a.questions ?? []).some((q) => errors[q.id ?? '']));
  useEffect(() => {
    if (layout === 'steps' && errorsShown > 0 && firstErrorArea >= 0) setStep(firstErrorArea);
    // Only on a new submit attempt, not while errors are being fixed one by one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [errorsShown]);
  useEffect(() => {
    if (!showQuestion) return;
    const i = areas.findIndex((a) => (a.questions ?? []).some((q) => q.id === showQuestion.id));
    if (i >= 0) setStep(i);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showQuestion]);
  const current = Math.min(step, Math.max(areas.length - 1, 0));
  if (!areas.length) return <p>{t('form.noQuestions')}</p>;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const area = (a: AreaState) => (
    <section className="area" key={a.id} aria-labelledby={`${prefix}area-${a.id}`}>
      <H id={`${prefix}area-${a.id}`} ref={layout === 'steps' ? stepHeading : undefined} tabIndex={-1}>
        {a.title}
      </H>
      {a.description ? <p className="area-description">{a.description}</p> : null}
      {(a.questions ?? [])
        .filter((q) => !q.auto)
        .map((q) => (
          <QuestionField
            key={`${a.id}/${q.id}`}
            q={q}
            value={q.value}
            error={errors[q.id ?? '']}
            prefix={prefix}
            disabled={disabled}
            onChange={(v) => onChange(q.id ?? '', v)}
          />
        ))}
    </section>
  );
  if (layout === 'sections' || areas.length === 1) return <div className="form-view">{areas.map(area)}</div>;
  const go = (n: number) => {
    setStep(n);
    requestAnimationFrame(() => stepHeading.current?.focus());
  };
  return (
    <div className="form-view">
      <p className="step-indicator" aria-live="polite">
        {t('form.step', { n: current + 1, total: areas.length })}
      </p>
      <ol className="step-list">
        {areas.map((a, i) => (
          <li key={a.id} aria-current={i === current ? 'step' : undefined}>
            <button type="button" className="link-button" onClick={() => go(i)}>
              {i + 1}. {a.title}
            </button>
          </li>
        ))}
      </ol>
      {area(areas[current])}
      <div className="step-buttons">
        {current > 0 ? (
          <button type="button" className="secondary" onClick={() => go(current - 1)}>
            {t('form.previous')}
          </button>
        ) : null}
        {current < areas.length - 1 ? (
          <button type="button" onClick={() => go(current + 1)}>
            {t('form.next')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The questions answered automatically, with value and why ("besvarad automatiskt"). */
export function AutoAnswered({ state }: { state: FormState }) {
  const t = useT();
  const auto = questionsOf(state).filter(({ q }) => q.auto);
  if (!auto.length) return null;
  return (
    <section className="auto-answered" aria-labelledby="auto-answered-title">
      <h2 id="auto-answered-title">{t('form.auto')}</h2>
      <dl>
        {auto.map(({ q }) => (
          <div key={q.id} className="summary-row" data-auto={q.id}>
            <dt>{q.heading || q.text}</dt>
            <dd>
              {answerText(q, state.answerLabels as Record<string, unknown> | undefined, t) || t('form.notAnswered')}{' '}
              <span className="auto-tag">
                ({t('form.autoOne')}, {q.autoSource === 'preset' ? t('form.autoPreset') : t('form.autoRule')})
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Every visible answer by area, for the receipt and the last step. */
export function AnswerSummary({ state }: { state: FormState }) {
  const t = useT();
  return (
    <section className="answer-summary" aria-labelledby="answer-summary-title">
      <h2 id="answer-summary-title">{t('form.summary')}</h2>
      {(state.areas ?? []).map((a) => (
        <div key={a.id}>
          <h3>{a.title}</h3>
          <dl>
            {(a.questions ?? []).map((q) => (
              <div key={q.id} className="summary-row">
                <dt>{q.heading || q.text}</dt>
                <dd>
                  {isAnswered(q.value) ? answerText(q, state.answerLabels as Record<string, unknown> | undefined, t) : t('form.notAnswered')}
                  {q.auto ? <span className="auto-tag"> ({t('form.autoOne')})</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}
