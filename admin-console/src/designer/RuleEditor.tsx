import { useId, useState } from 'react';
import type { Problem } from '@rt/api/client';
import { useT } from '@rt/i18n';
import { OPERATORS, groupToCel, parseGroup, type Condition, type ConditionGroup } from './cel';
import { ChoiceOptions } from '../common/fields';
import { questionChoices, type QuestionDef } from './model';

export type RuleCheck = (pointer: string, cel: string | undefined) => Promise<Problem[]>;

/** Conditions over earlier questions, built row by row or written as CEL text; the server checks the text. */
export function RuleEditor({
  label,
  value,
  onChange,
  questions,
  pointer,
  check,
}: {
  label: string;
  value: string | undefined;
  onChange: (cel: string | undefined) => void;
  questions: QuestionDef[];
  pointer: string;
  check: RuleCheck;
}) {
  const t = useT();
  const uid = useId().replace(/:/g, '');
  const parsed = parseGroup(value);
  const [mode, setMode] = useState<'builder' | 'text'>(parsed ? 'builder' : 'text');
  const [text, setText] = useState(value ?? '');
  const [result, setResult] = useState<{ ok: boolean; problems: Problem[] } | null>(null);
  const byId = Object.fromEntries(questions.map((q) => [q.id, q]));
  const group: ConditionGroup = parsed ?? { combine: 'and', conditions: [] };

  const setGroup = (g: ConditionGroup) => {
    const cel = groupToCel(g, byId) || undefined;
    setText(cel ?? '');
    setResult(null);
    onChange(cel);
    setDraftRows(g.conditions.filter((c) => !c.question).length);
  };
  // Rows being filled in (no question chosen yet) live only here until they produce CEL.
  const [draftRows, setDraftRows] = useState(0);
  const rows: Condition[] = [...group.conditions, ...Array.from({ length: draftRows }, () => ({ question: '', op: 'eq' as const, value: '' }))];

  const update = (i: number, c: Condition) => {
    const next = rows.map((r, j) => (j === i ? c : r));
    setGroup({ combine: group.combine, conditions: next });
  };

  const runCheck = async () => {
    const problems = await check(pointer, mode === 'text' ? text || undefined : value);
    setResult({ ok: problems.length === 0, problems });
  };

  return (
    <fieldset className="rule-editor">
      <legend>{label}</legend>
      <div className="mode-switch" role="group" aria-label={label}>
        <button type="button" className={mode === 'builder' ? '' : 'secondary'} aria-pressed={mode === 'builder'} disabled={!parseGroup(text)} onClick={() => setMode('builder')}>
          {t('designer.builder')}
        </button>
        <button type="button" className={mode === 'text' ? '' : 'secondary'} aria-pressed={mode === 'text'} onClick={() => { setText(value ?? ''); setMode('text'); }}>
          {t('designer.textMode')}
        </button>
      </div>
      {mode === 'builder' ? (
        <div className="builder">
          {rows.length === 0 ? <p className="muted">{t('designer.noRule')}</p> : null}
          {rows.length > 1 ? (
            <div className="field">
              <label htmlFor={`${uid}-combine`}>{t('designer.combine')}</label>
              <select id={`${uid}-combine`} value={group.combine} onChange={(e) => setGroup({ combine: e.target.value as 'and' | 'or', conditions: rows })}>
                <option value="and">{t('designer.and')}</option>
                <option value="or">{t('designer.or')}</option>
              </select>
            </div>
          ) : null}
          {rows.map((c, i) => {
            const q = byId[c.question];
            const opts = q?.options?.static;
            const rid = `${uid}-c${i}`;
            return (
              <div className="condition-row" key={i} data-condition={i}>
                <div className="field">
                  <label htmlFor={`${rid}-q`}>{t('designer.condQuestion')}</label>
                  <select id={`${rid}-q`} value={c.question} onChange={(e) => update(i, { ...c, question: e.target.value, value: '' })}>
                    <ChoiceOptions choices={questionChoices(questions)} />
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${rid}-op`}>{t('designer.condOperator')}</label>
                  <select id={`${rid}-op`} value={c.op} onChange={(e) => update(i, { ...c, op: e.target.value as Condition['op'] })}>
                    {OPERATORS.map((o) => (
                      <option key={o} value={o}>
                        {t(`designer.op.${o}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {c.op !== 'answered' ? (
                  <div className="field">
                    <label htmlFor={`${rid}-v`}>{t('designer.condValue')}</label>
                    {opts && c.op !== 'in' ? (
                      <select id={`${rid}-v`} value={c.value} onChange={(e) => update(i, { ...c, value: e.target.value })}>
                        <ChoiceOptions choices={opts} />
                      </select>
                    ) : (
                      <input id={`${rid}-v`} value={c.value} onChange={(e) => update(i, { ...c, value: e.target.value })} />
                    )}
                  </div>
                ) : null}
                <button type="button" className="small danger" onClick={() => setGroup({ combine: group.combine, conditions: rows.filter((_, j) => j !== i) })}>
                  {t('designer.removeCondition', { n: i + 1 })}
                </button>
              </div>
            );
          })}
          <button type="button" className="small secondary" onClick={() => setDraftRows(draftRows + 1)}>
            {t('designer.addCondition')}
          </button>
          {value ? (
            <p className="cel-preview">
              CEL: <code>{value}</code>
            </p>
          ) : null}
        </div>
      ) : (
        <div className="field">
          {!parsed && value ? <p className="muted">{t('designer.notParsable')}</p> : null}
          <label htmlFor={`${uid}-text`}>{t('designer.textMode')}</label>
          <textarea
            id={`${uid}-text`}
            className="code"
            rows={3}
            value={text}
            spellCheck={false}
            onChange={(e) => {
              setText(e.target.value);
              setResult(null);
            }}
            onBlur={() => onChange(text.trim() ? text.trim() : undefined)}
          />
        </div>
      )}
      <div className="rule-check">
        <button type="button" className="small secondary" onClick={() => void runCheck()}>
          {t('designer.check')}
        </button>
        <span aria-live="polite">
          {result?.ok ? <span className="ok-message">{t('designer.ruleOk')}</span> : null}
          {result && !result.ok ? (
            <span className="error-message">
              {result.problems.map((p) => `${p.code}: ${p.detail}`).join(' · ')}
            </span>
          ) : null}
        </span>
      </div>
    </fieldset>
  );
}
