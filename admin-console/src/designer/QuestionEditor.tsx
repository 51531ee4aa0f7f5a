import { useId, useState } from 'react';
import type { Definition } from '@rt/api/client';
import { useT } from '@rt/i18n';
import { autoValueToCel, cascadeToCel, isNumeric, parseAuto, parseCascade, type AutoRule, type AutoValueKind } from './cel';
import {
  USER_ATTRIBUTES,
  applyLimits,
  formatAttributes,
  limitKeys,
  limitText,
  normalizeQuestion,
  parseAttributes,
  questionChoices,
  type LimitError,
  type LimitKey,
  type OptionDef,
  type QuestionDef,
} from './model';
import { ChoiceOptions } from '../common/fields';
import { RuleEditor, type RuleCheck } from './RuleEditor';

interface Props {
  q: QuestionDef;
  pointer: string;
  earlier: QuestionDef[];
  codelists: Definition<{ title?: string }>[];
  onChange: (q: QuestionDef) => void;
  check: RuleCheck;
}

/** Everything about one question: texts, kind and scale, alternatives, and its rules. */
export function QuestionEditor({ q, pointer, earlier, codelists, onChange, check }: Props) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  const set = (patch: Partial<QuestionDef>) => onChange(normalizeQuestion({ ...q, ...patch }));
  const text = (key: keyof QuestionDef, label: string, multiline = false) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {multiline ? (
        <textarea id={`${id}-${key}`} rows={4} value={(q[key] as string) ?? ''} onChange={(e) => set({ [key]: e.target.value })} />
      ) : (
        <input id={`${id}-${key}`} className="wide" value={(q[key] as string) ?? ''} onChange={(e) => set({ [key]: e.target.value })} />
      )}
    </div>
  );
  const choice = q.kind === 'background' && (q.answerType === 'single' || q.answerType === 'multiple');
  const source: 'static' | 'codelist' | 'source' = q.options?.codelist !== undefined ? 'codelist' : q.options?.source !== undefined ? 'source' : 'static';

  return (
    <div className="question-editor">
      <h2>
        {t('designer.question')}: {q.heading || q.text}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-id`}>{t('designer.questionId')}</label>
        <input id={`${id}-id`} value={q.id} onChange={(e) => onChange({ ...q, id: e.target.value })} />
      </div>
      {text('heading', t('designer.heading'))}
      {text('text', t('designer.text'))}
      {text('help', t('designer.helpText'), true)}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('designer.kind')}</label>
          <select id={`${id}-kind`} value={q.kind} onChange={(e) => set({ kind: e.target.value as QuestionDef['kind'] })}>
            <option value="background">{t('designer.kind.background')}</option>
            <option value="rating">{t('designer.kind.rating')}</option>
          </select>
        </div>
        {q.kind === 'background' ? (
          <div className="field">
            <label htmlFor={`${id}-answerType`}>{t('designer.answerType')}</label>
            <select id={`${id}-answerType`} value={q.answerType} onChange={(e) => set({ answerType: e.target.value as QuestionDef['answerType'] })}>
              {(['single', 'multiple', 'text', 'number', 'date'] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`designer.answerType.${a}`)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-scale`}>{t('designer.scale')}</label>
            <select id={`${id}-scale`} value={q.scale} onChange={(e) => set({ scale: e.target.value as QuestionDef['scale'] })}>
              <option value="1-5">{t('designer.scale.1-5')}</option>
              <option value="percent">{t('designer.scale.percent')}</option>
            </select>
          </div>
        )}
        <div className="field choice">
          <input id={`${id}-required`} type="checkbox" checked={!!q.required} onChange={(e) => set({ required: e.target.checked || undefined })} />
          <label htmlFor={`${id}-required`}>{t('designer.requiredQ')}</label>
        </div>
      </div>

      {q.kind === 'rating' && q.scale === '1-5' ? (
        <fieldset className="options-editor">
          <legend>{t('designer.scaleLabels')}</legend>
          <div className="field-row">
            {['1', '2', '3', '4', '5'].map((p) => (
              <div className="field" key={p}>
                <label htmlFor={`${id}-scale-${p}`}>{t('designer.scaleLabel', { n: p })}</label>
                <input
                  id={`${id}-scale-${p}`}
                  value={q.scaleLabels?.[p] ?? ''}
                  onChange={(e) => {
                    const labels = { ...(q.scaleLabels ?? {}), [p]: e.target.value };
                    if (!e.target.value) delete labels[p];
                    set({ scaleLabels: Object.keys(labels).length ? labels : undefined });
                  }}
                />
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      {q.kind === 'rating' ? (
        <div className="field choice">
          <input id={`${id}-na`} type="checkbox" checked={!!q.allowNotApplicable} onChange={(e) => set({ allowNotApplicable: e.target.checked || undefined })} />
          <label htmlFor={`${id}-na`}>{t('designer.allowNotApplicable')}</label>
        </div>
      ) : null}
      {q.kind === 'background' && q.answerType === 'text' ? (
        <div className="field choice">
          <input id={`${id}-multiline`} type="checkbox" checked={!!q.multiline} onChange={(e) => set({ multiline: e.target.checked || undefined })} />
          <label htmlFor={`${id}-multiline`}>{t('designer.multiline')}</label>
        </div>
      ) : null}
      {limitKeys(q).length ? <LimitsEditor key={q.answerType} q={q} onChange={onChange} /> : null}

      {choice ? (
        <fieldset className="options-editor">
          <legend>{t('designer.options')}</legend>
          <div className="field">
            <label htmlFor={`${id}-source`}>{t('designer.optionsFrom')}</label>
            <select
              id={`${id}-source`}
              value={source}
              onChange={(e) => {
                const v = e.target.value;
                set({
                  options:
                    v === 'static'
                      ? { static: [{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }] }
                      : v === 'codelist'
                        ? { codelist: codelists[0]?.id ?? '' }
                        : { source: 'providers' },
                });
              }}
            >
              <option value="static">{t('designer.options.static')}</option>
              <option value="codelist">{t('designer.options.codelist')}</option>
              <option value="source">{t('designer.options.source')}</option>
            </select>
          </div>
          {source === 'static' ? (
            <StaticOptions options={q.options?.static ?? []} onChange={(s) => set({ options: { static: s } })} />
          ) : null}
          {source === 'codelist' ? (
            <div className="field">
              <label htmlFor={`${id}-codelist`}>{t('designer.codelist')}</label>
              <select id={`${id}-codelist`} value={q.options?.codelist ?? ''} onChange={(e) => set({ options: { codelist: e.target.value } })}>
                {codelists.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.content.title ?? c.id}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {source === 'source' ? <SourceOptions q={q} set={set} /> : null}
          <Cascade q={q} earlier={earlier} set={set} />
        </fieldset>
      ) : null}

      <RuleEditor
        key={`${pointer}-visible`}
        label={t('designer.visibleWhen')}
        value={q.visibleWhen}
        questions={earlier}
        pointer={`${pointer}/visibleWhen`}
        check={check}
        onChange={(cel) => set({ visibleWhen: cel })}
      />
      <AutoAnswerEditor key={`${pointer}-auto`} q={q} earlier={earlier} pointer={`${pointer}/autoAnswer`} check={check} set={set} />
    </div>
  );
}

/** Minimum and maximum of a number question, maxLength of a text question; checked as typed (applyLimits). */
function LimitsEditor({ q, onChange }: { q: QuestionDef; onChange: (q: QuestionDef) => void }) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  const keys = limitKeys(q);
  const [texts, setTexts] = useState<Partial<Record<LimitKey, string>>>(() => Object.fromEntries(keys.map((k) => [k, limitText(q, k)])));
  const [errors, setErrors] = useState<Partial<Record<LimitKey, LimitError>>>({});
  const change = (key: LimitKey, text: string) => {
    const next = { ...texts, [key]: text };
    setTexts(next);
    const result = applyLimits(q, next);
    setErrors(result.errors);
    if (!Object.keys(result.errors).length) onChange(result.question);
  };
  return (
    <fieldset className="options-editor" aria-describedby={`${id}-hint`}>
      <legend>{t('designer.limits')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('designer.limitsHint')}
      </p>
      <div className="field-row">
        {keys.map((key) => {
          const error = errors[key];
          return (
            <div className={`field${error ? ' has-error' : ''}`} key={key}>
              <label htmlFor={`${id}-${key}`}>{t(`designer.${key}`)}</label>
              {error ? (
                <p id={`${id}-${key}-error`} className="field-error">
                  {t('form.errorPrefix')} {t(`designer.limit.${error}`)}
                </p>
              ) : null}
              <input
                id={`${id}-${key}`}
                className="short"
                inputMode={key === 'maxLength' ? 'numeric' : 'decimal'}
                value={texts[key] ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${key}-error` : undefined}
                onChange={(e) => change(key, e.target.value)}
              />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function StaticOptions({ options, onChange }: { options: OptionDef[]; onChange: (o: OptionDef[]) => void }) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  const update = (i: number, patch: Partial<OptionDef>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <table className="options-table">
      <caption className="visually-hidden">{t('designer.options')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('designer.optionValue')}</th>
          <th scope="col">{t('designer.optionLabel')}</th>
          <th scope="col">{t('designer.optionAttributes')}</th>
          <th scope="col">{t('admin.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {options.map((o, i) => (
          <tr key={i} data-option={i}>
            <td>
              <input aria-label={`${t('designer.optionValue')} ${i + 1}`} id={`${id}-v${i}`} value={o.value} onChange={(e) => update(i, { value: e.target.value })} />
            </td>
            <td>
              <input aria-label={`${t('designer.optionLabel')} ${i + 1}`} value={o.label} onChange={(e) => update(i, { label: e.target.value })} />
            </td>
            <td>
              <AttributesInput label={`${t('designer.optionAttributes')} ${i + 1}`} value={o.attributes} onChange={(a) => update(i, { attributes: a })} />
            </td>
            <td>
              <button
                type="button"
                className="small danger"
                aria-label={t('designer.remove', { name: o.label || String(i + 1) })}
                title={t('designer.remove', { name: o.label || String(i + 1) })}
                onClick={() => onChange(options.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>
            <button type="button" className="small secondary" onClick={() => onChange([...options, { value: `alt${options.length + 1}`, label: `Alternativ ${options.length + 1}` }])}>
              {t('designer.addOption')}
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function AttributesInput({ label, value, onChange }: { label: string; value?: Record<string, unknown>; onChange: (a?: Record<string, string>) => void }) {
  const [text, setText] = useState(formatAttributes(value));
  return <input aria-label={label} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => onChange(parseAttributes(text))} />;
}

function SourceOptions({ q, set }: { q: QuestionDef; set: (p: Partial<QuestionDef>) => void }) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  const [params, setParams] = useState(q.options?.params ? JSON.stringify(q.options.params) : '');
  const [bad, setBad] = useState(false);
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-src`}>{t('designer.source')}</label>
        <input id={`${id}-src`} value={q.options?.source ?? ''} onChange={(e) => set({ options: { ...q.options, source: e.target.value } })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-params`}>{t('designer.sourceParams')}</label>
        <input
          id={`${id}-params`}
          className="wide code"
          value={params}
          aria-invalid={bad || undefined}
          aria-describedby={bad ? `${id}-params-err` : undefined}
          onChange={(e) => setParams(e.target.value)}
          onBlur={() => {
            try {
              const p = params.trim() ? JSON.parse(params) : undefined;
              setBad(false);
              set({ options: { source: q.options?.source ?? '', ...(p ? { params: p } : {}) } });
            } catch {
              setBad(true);
            }
          }}
        />
        {bad ? (
          <p id={`${id}-params-err`} className="field-error">
            {t('form.errorPrefix')} {t('admin.jsonInvalid')}
          </p>
        ) : null}
      </div>
    </>
  );
}

/** The checkbox (`<id>-on`) that turns a rule editor on or off; turning it off removes the rule. */
function RuleSwitch({ id, label, on, setOn, clear }: { id: string; label: string; on: boolean; setOn: (on: boolean) => void; clear: () => void }) {
  return (
    <div className="field choice">
      <input
        id={`${id}-on`}
        type="checkbox"
        checked={on}
        onChange={(e) => {
          setOn(e.target.checked);
          if (!e.target.checked) clear();
        }}
      />
      <label htmlFor={`${id}-on`}>{label}</label>
    </div>
  );
}

/** Cascading alternatives: keep the alternatives whose attribute equals an earlier answer. */
function Cascade({ q, earlier, set }: { q: QuestionDef; earlier: QuestionDef[]; set: (p: Partial<QuestionDef>) => void }) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  const parsed = parseCascade(q.optionFilter);
  const [on, setOn] = useState(!!q.optionFilter);
  const [attr, setAttr] = useState(parsed?.attribute ?? '');
  const [question, setQuestion] = useState(parsed?.question ?? '');
  const apply = (a: string, qq: string) => set({ optionFilter: a && qq ? cascadeToCel(a, qq) : undefined });
  if (q.optionFilter && !parsed) {
    return (
      <p className="muted">
        {t('designer.optionFilter')}: <code>{q.optionFilter}</code>
      </p>
    );
  }
  return (
    <div className="cascade">
      <RuleSwitch id={id} label={t('designer.optionFilter')} on={on} setOn={setOn} clear={() => set({ optionFilter: undefined })} />
      {on ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-attr`}>{t('designer.optionFilterAttr')}</label>
            <input id={`${id}-attr`} value={attr} onChange={(e) => setAttr(e.target.value)} onBlur={() => apply(attr, question)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('designer.optionFilterQuestion')}</label>
            <select
              id={`${id}-q`}
              value={question}
              onChange={(e) => {
                setQuestion(e.target.value);
                apply(attr, e.target.value);
              }}
            >
              <ChoiceOptions choices={questionChoices(earlier)} />
            </select>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function AutoAnswerEditor({ q, earlier, pointer, check, set }: { q: QuestionDef; earlier: QuestionDef[]; pointer: string; check: RuleCheck; set: (p: Partial<QuestionDef>) => void }) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  const parsed = parseAuto(q.autoAnswer);
  const [rule, setRule] = useState<AutoRule>(parsed ?? { when: { combine: 'and', conditions: [] }, kind: 'fixed', value: '' });
  const [on, setOn] = useState(q.autoAnswer !== undefined);
  const whenCel = q.autoAnswer && typeof q.autoAnswer === 'object' ? q.autoAnswer.when : undefined;
  const apply = (r: AutoRule) => {
    setRule(r);
    const valueCel = r.value ? autoValueToCel(r.kind, r.value, isNumeric(q)) : undefined;
    set({ autoAnswer: valueCel ? (whenCel ? { when: whenCel, value: valueCel } : valueCel) : undefined });
  };
  if (q.autoAnswer !== undefined && !parsed) {
    return (
      <fieldset className="auto-editor">
        <legend>{t('designer.autoAnswer')}</legend>
        <p className="muted">{t('designer.notParsable')}</p>
        <code>{JSON.stringify(q.autoAnswer)}</code>
      </fieldset>
    );
  }
  return (
    <fieldset className="auto-editor">
      <legend>{t('designer.autoAnswer')}</legend>
      <RuleSwitch id={id} label={t('designer.autoAnswer')} on={on} setOn={setOn} clear={() => set({ autoAnswer: undefined })} />
      {on ? (
        <>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t('designer.autoValueKind')}</label>
              <select id={`${id}-kind`} value={rule.kind} onChange={(e) => apply({ ...rule, kind: e.target.value as AutoValueKind, value: '' })}>
                {(['fixed', 'user', 'subject', 'answer'] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`designer.autoValue.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-value`}>{t('designer.autoValue')}</label>
              {rule.kind === 'user' ? (
                <select id={`${id}-value`} value={rule.value} onChange={(e) => apply({ ...rule, value: e.target.value })}>
                  <ChoiceOptions choices={USER_ATTRIBUTES.map((a) => ({ value: a, label: `user.${a}` }))} />
                </select>
              ) : rule.kind === 'answer' ? (
                <select id={`${id}-value`} value={rule.value} onChange={(e) => apply({ ...rule, value: e.target.value })}>
                  <ChoiceOptions choices={questionChoices(earlier)} />
                </select>
              ) : rule.kind === 'fixed' && q.options?.static ? (
                <select id={`${id}-value`} value={rule.value} onChange={(e) => apply({ ...rule, value: e.target.value })}>
                  <ChoiceOptions choices={q.options.static} />
                </select>
              ) : (
                <input id={`${id}-value`} value={rule.value} onChange={(e) => setRule({ ...rule, value: e.target.value })} onBlur={() => apply(rule)} />
              )}
            </div>
          </div>
          <RuleEditor
            label={t('designer.autoWhen')}
            value={whenCel}
            questions={earlier}
            pointer={`${pointer}/when`}
            check={check}
            onChange={(cel) => {
              const value = q.autoAnswer === undefined ? undefined : typeof q.autoAnswer === 'string' ? q.autoAnswer : q.autoAnswer.value;
              if (value) set({ autoAnswer: cel ? { when: cel, value } : value });
            }}
          />
        </>
      ) : null}
    </fieldset>
  );
}
