import { useId } from 'react';
import { isMessageKey, useT, type Translate } from '@rt/i18n';
import type { MessageKey } from '@rt/i18n/sv';
import { SUBJECT_TYPES, type AreaDef, type MethodDef, type QuestionDef } from './model';
import { RuleEditor, type RuleCheck } from './RuleEditor';

/** A designer code (purpose `survey`, subject type `none`…) in words: `<prefix>.<code>`, or the code itself. */
export function codeText(t: Translate, prefix: 'purpose' | 'subjectType', code: string | undefined): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : (code ?? '');
}

const ROLES = ['caseworker', 'client', 'guardian', 'provider', 'coordinator', 'other'];

export function MethodEditor({ method, isNew, onChange, purposes }: { method: MethodDef; isNew: boolean; onChange: (m: MethodDef) => void; purposes: string[] }) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  const set = (patch: Partial<MethodDef>) => {
    const next = { ...method, ...patch };
    for (const k of ['description', 'targetGroup', 'area'] as const) if (next[k] === '') delete next[k];
    onChange(next);
  };
  return (
    <div className="method-editor">
      <h2>{t('designer.method')}</h2>
      <div className="field">
        <label htmlFor={`${id}-id`}>{t('designer.methodId')}</label>
        <input id={`${id}-id`} value={method.id} readOnly={!isNew} aria-readonly={!isNew} onChange={(e) => set({ id: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('admin.title')}</label>
        <input id={`${id}-title`} className="wide" value={method.title} onChange={(e) => set({ title: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('designer.description')}</label>
        <textarea id={`${id}-description`} rows={3} value={method.description ?? ''} onChange={(e) => set({ description: e.target.value })} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('designer.purpose')}</label>
          <select id={`${id}-purpose`} value={method.purpose} onChange={(e) => set({ purpose: e.target.value })}>
            {purposes.map((p) => (
              <option key={p} value={p}>
                {codeText(t, 'purpose', p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-subject`}>{t('designer.subjectType')}</label>
          <select id={`${id}-subject`} value={method.subjectType ?? 'none'} onChange={(e) => set({ subjectType: e.target.value })}>
            {SUBJECT_TYPES.map((p) => (
              <option key={p} value={p}>
                {codeText(t, 'subjectType', p)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset>
        <legend>{t('tasks.respondent')}</legend>
        {ROLES.map((r) => (
          <span className="choice inline" key={r}>
            <input
              type="checkbox"
              id={`${id}-role-${r}`}
              checked={(method.respondents ?? []).includes(r)}
              onChange={(e) => {
                const cur = method.respondents ?? [];
                set({ respondents: e.target.checked ? [...cur, r] : cur.filter((x) => x !== r) });
              }}
            />
            <label htmlFor={`${id}-role-${r}`}>{t(`role.${r}` as MessageKey)}</label>
          </span>
        ))}
      </fieldset>
    </div>
  );
}

export function AreaEditor({ area, pointer, earlier, check, onChange }: { area: AreaDef; pointer: string; earlier: QuestionDef[]; check: RuleCheck; onChange: (a: AreaDef) => void }) {
  const t = useT();
  const id = useId().replace(/:/g, '');
  return (
    <div className="area-editor">
      <h2>
        {t('designer.area')}: {area.title}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-id`}>{t('designer.areaId')}</label>
        <input id={`${id}-id`} value={area.id} onChange={(e) => onChange({ ...area, id: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('designer.areaTitle')}</label>
        <input id={`${id}-title`} className="wide" value={area.title} onChange={(e) => onChange({ ...area, title: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('designer.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={area.description ?? ''}
          onChange={(e) => {
            const next: AreaDef = { ...area, description: e.target.value };
            if (!next.description) delete next.description;
            onChange(next);
          }}
        />
      </div>
      <RuleEditor
        label={t('designer.areaVisibleWhen')}
        value={area.visibleWhen}
        questions={earlier}
        pointer={`${pointer}/visibleWhen`}
        check={check}
        onChange={(cel) => {
          const next = { ...area, visibleWhen: cel };
          if (!cel) delete next.visibleWhen;
          onChange(next);
        }}
      />
    </div>
  );
}
