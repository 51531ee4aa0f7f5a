import { useEffect, useState, type ReactNode } from 'react';
import type { AnswerValue, QuestionState } from '../api/client';
import { useT } from '../i18n';
import { DateInput } from '../app/DateInput';
import { HelpText } from './HelpText';

export interface FieldProps {
  q: QuestionState;
  value: unknown;
  error?: string;
  /** Makes ids unique when one page shows a form twice (designer preview, guardian in dialog mode). */
  prefix?: string;
  disabled?: boolean;
  /** Shows the question text as the page's big heading (dialog mode). */
  large?: boolean;
  onChange: (value: AnswerValue) => void;
}

export const inputId = (prefix: string, qid: string) => `${prefix}q-${qid}`;

/** One question: label or legend, help, error and the control its kind and answer type call for. */
export function QuestionField(props: FieldProps) {
  const { q, error, prefix = '', large } = props;
  const t = useT();
  const id = inputId(prefix, q.id ?? '');
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [q.help || q.helpHtml ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const grouped = isGroup(q);
  const title = (
    <>
      {q.heading && q.heading !== q.text ? <span className="q-heading">{q.heading}</span> : null}
      <span className="q-text">{q.text}</span>
      <span className="q-required"> ({q.required ? t('form.required') : t('form.optional')})</span>
    </>
  );
  const details = (
    <>
      <HelpText id={helpId} help={q.help} helpHtml={q.helpHtml} />
      {error ? (
        <p id={errorId} className="field-error">
          <span className="visually-strong">{t('form.errorPrefix')}</span> {error}
        </p>
      ) : null}
    </>
  );
  const control = <Control {...props} id={id} describedBy={describedBy} />;
  const cls = `question${error ? ' has-error' : ''}${large ? ' large' : ''}`;
  if (grouped) {
    return (
      <div className={cls} data-question={q.id}>
        <fieldset aria-describedby={describedBy}>
          <legend>{large ? <h2 className="dialog-question">{title}</h2> : title}</legend>
          {details}
          {control}
        </fieldset>
      </div>
    );
  }
  return (
    <div className={cls} data-question={q.id}>
      {large ? (
        <h2 className="dialog-question">
          <label htmlFor={id}>{title}</label>
        </h2>
      ) : (
        <label htmlFor={id}>{title}</label>
      )}
      {details}
      {control}
    </div>
  );
}

function isGroup(q: QuestionState): boolean {
  if (q.kind === 'rating') return q.scale !== 'percent';
  return (q.answerType === 'single' && (q.options?.length ?? 0) <= 7) || q.answerType === 'multiple';
}

function Control(props: FieldProps & { id: string; describedBy?: string }) {
  const { q } = props;
  if (q.kind === 'rating') return q.scale === 'percent' ? <PercentInput {...props} /> : <ScaleButtons {...props} />;
  switch (q.answerType) {
    case 'single':
      return (q.options?.length ?? 0) <= 7 ? <Radios {...props} /> : <Select {...props} />;
    case 'multiple':
      return <Checkboxes {...props} />;
    case 'number':
      return <TextLike {...props} type="number" />;
    case 'date':
      return <DateField {...props} />;
    default:
      return <TextLike {...props} type="text" />;
  }
}

type ControlProps = FieldProps & { id: string; describedBy?: string };

function Radios({ q, value, id, disabled, onChange, error }: ControlProps) {
  return (
    <div className="choices">
      {(q.options ?? []).map((o, i) => (
        <div className="choice" key={o.value}>
          <input
            type="radio"
            id={i === 0 ? id : `${id}-${i}`}
            name={id}
            value={o.value}
            checked={value === o.value}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(o.value ?? null)}
          />
          <label htmlFor={i === 0 ? id : `${id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </div>
  );
}

function Select({ q, value, id, disabled, onChange, describedBy, error }: ControlProps) {
  const t = useT();
  return (
    <select
      id={id}
      value={typeof value === 'string' ? value : ''}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{t('form.choose')}</option>
      {(q.options ?? []).map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function Checkboxes({ q, value, id, disabled, onChange, error }: ControlProps) {
  const selected = Array.isArray(value) ? (value as string[]) : [];
  return (
    <div className="choices">
      {(q.options ?? []).map((o, i) => {
        const cid = i === 0 ? id : `${id}-${i}`;
        return (
          <div className="choice" key={o.value}>
            <input
              type="checkbox"
              id={cid}
              value={o.value}
              checked={selected.includes(o.value ?? '')}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                const next = e.target.checked ? [...selected, o.value ?? ''] : selected.filter((v) => v !== o.value);
                onChange(next.length ? next : null);
              }}
            />
            <label htmlFor={cid}>{o.label}</label>
          </div>
        );
      })}
    </div>
  );
}

/** Text, number and date fields keep what is typed locally and commit it when the field is left. */
function TextLike({ q, value, id, disabled, onChange, describedBy, error, type }: ControlProps & { type: 'text' | 'number' }) {
  const t = useT();
  const [text, setText] = useState(value === null || value === undefined ? '' : String(value));
  useEffect(() => setText(value === null || value === undefined ? '' : String(value)), [value]);
  const dirty = text !== (value === null || value === undefined ? '' : String(value));
  useUnsavedWarning(dirty);
  const counter = type === 'text' ? charCounter(text.length, q.maxLength) : null;
  const countId = `${id}-count`;
  const describe = [describedBy, counter ? countId : null].filter(Boolean).join(' ') || undefined;
  const count = counter ? (
    <p id={countId} className={`char-count${counter.near ? ' near-limit' : ''}`}>
      {t('form.charCount', { n: counter.length, max: counter.max })}
    </p>
  ) : null;
  const commit = () => {
    const current = value === null || value === undefined ? '' : String(value);
    if (text === current) return;
    if (text.trim() === '') onChange(null);
    else if (type === 'number') onChange(Number.isNaN(Number(text)) ? text : Number(text));
    else onChange(text);
  };
  const common = {
    id,
    value: text,
    disabled,
    'aria-describedby': describe,
    'aria-invalid': error ? true : undefined,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: commit,
  };
  if (type === 'text' && q.multiline) {
    return (
      <>
        <textarea {...common} rows={5} maxLength={q.maxLength} />
        {count}
      </>
    );
  }
  return (
    <>
    <input
      {...common}
      type={type}
      inputMode={type === 'number' ? 'decimal' : undefined}
      min={type === 'number' ? q.minimum : undefined}
      max={type === 'number' ? q.maximum : undefined}
      maxLength={type === 'text' ? q.maxLength : undefined}
      className={type === 'text' ? 'wide' : undefined}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
    {count}
    </>
  );
}

/** A date question: Swedish format whatever the browser's language; only a real date is saved. */
function DateField({ value, id, disabled, onChange, describedBy, error }: ControlProps) {
  const stored = typeof value === 'string' ? value : '';
  const [text, setText] = useState(stored);
  useEffect(() => setText(stored), [stored]);
  useUnsavedWarning(text !== stored);
  return (
    <DateInput
      id={id}
      value={text}
      disabled={disabled}
      describedBy={describedBy}
      invalid={!!error}
      onChange={setText}
      onBlur={(iso, typed) => {
        if (typed.trim() === '') {
          if (stored !== '') onChange(null);
        } else if (iso !== null && iso !== stored) {
          onChange(iso);
        }
      }}
    />
  );
}

/** From this share of a text's limit on, the field shows how many characters are used. */
export const COUNTER_FROM = 0.8;

/** The character count to show under a text field, or null while far from its limit (or without one). */
export function charCounter(length: number, max: number | undefined): { length: number; max: number; near: boolean } | null {
  if (!max || length < Math.floor(max * COUNTER_FROM)) return null;
  return { length, max, near: length >= max * 0.95 };
}

/**
 * While `dirty` (typed but not yet saved: a field commits when it is left), reloading or closing the page asks
 * first, so typed text is not lost unawares.
 */
export function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

/** The stored answer of a rating when "Vet ej / ej aktuellt" was chosen (its own value, not "no answer"). */
export const NOT_APPLICABLE = 'vet-ej';

/** Rating 1–5: five buttons (radio semantics: one choice, arrow keys move), labels from the method. */
function ScaleButtons({ q, value, id, disabled, onChange, error }: ControlProps) {
  const t = useT();
  const points = [1, 2, 3, 4, 5];
  const item = (key: string, checked: boolean, label: ReactNode, onSelect: () => void, idx: number) => (
    <div className="scale-point" key={key}>
      <input
        type="radio"
        id={idx === 0 ? id : `${id}-${idx}`}
        name={id}
        checked={checked}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        onChange={onSelect}
      />
      <label htmlFor={idx === 0 ? id : `${id}-${idx}`}>{label}</label>
    </div>
  );
  return (
    <div className="scale">
      {points.map((p, i) =>
        item(
          String(p),
          value === p,
          <>
            <span className="scale-number">{p}</span>
            {q.scaleLabels?.[String(p)] ? <span className="scale-label">{q.scaleLabels[String(p)]}</span> : null}
          </>,
          () => onChange(p),
          i,
        ),
      )}
      {q.allowNotApplicable
        ? item('na', value === NOT_APPLICABLE, t('form.notApplicable'), () => onChange(NOT_APPLICABLE), 5)
        : null}
    </div>
  );
}

/** Rating 0–100 %: a slider and a number field showing the same value. */
function PercentInput({ q, value, id, disabled, onChange, describedBy, error }: ControlProps) {
  const t = useT();
  const initial = typeof value === 'number' ? value : null;
  const [n, setN] = useState<number | null>(initial);
  useEffect(() => setN(typeof value === 'number' ? value : null), [value]);
  const commit = (v: number | null) => {
    if (v !== (typeof value === 'number' ? value : null)) onChange(v);
  };
  return (
    <div className={`percent${n === null ? ' unanswered' : ''}`}>
      <input
        type="range"
        id={id}
        min={0}
        max={100}
        step={1}
        value={n ?? 50}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-valuetext={n === null ? t('form.notAnswered') : `${n} %`}
        onChange={(e) => setN(Number(e.target.value))}
        onPointerUp={(e) => commit(Number((e.target as HTMLInputElement).value))}
        onKeyUp={(e) => commit(Number((e.target as HTMLInputElement).value))}
        onBlur={() => commit(n)}
      />
      <label className="percent-number">
        <span className="visually-hidden">{t('form.percent')}</span>
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          value={n ?? ''}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(e) => setN(e.target.value === '' ? null : Math.max(0, Math.min(100, Math.round(Number(e.target.value)))))}
          onBlur={() => commit(n)}
        />
        <span aria-hidden="true"> %</span>
      </label>
      {q.allowNotApplicable ? (
        <label className="percent-na">
          <input
            type="checkbox"
            checked={value === NOT_APPLICABLE}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? NOT_APPLICABLE : null)}
          />{' '}
          {t('form.notApplicable')}
        </label>
      ) : null}
    </div>
  );
}
