import type { AnswerValue, FormState, Problem, QuestionState } from '../api/client';
import { isMessageKey, type Translate } from '../i18n';

/** Every visible question of a state, in order, with its area. */
export function questionsOf(state: FormState): Array<{ areaId: string; areaTitle: string; q: QuestionState }> {
  return (state.areas ?? []).flatMap((a) => (a.questions ?? []).map((q) => ({ areaId: a.id ?? '', areaTitle: a.title ?? '', q })));
}

/** The question id a pointer like /answers/<id> addresses, or null. */
export function questionOfPointer(pointer?: string): string | null {
  const m = /^\/answers\/([^/]+)/.exec(pointer ?? '');
  return m ? m[1].replace(/~1/g, '/').replace(/~0/g, '~') : null;
}

/** Field errors by question id, texts from the UI bundle by the server's stable code. */
export function fieldErrors(problems: Problem[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const q = questionOfPointer(p.pointer);
    if (!q || out[q]) continue;
    const key = `error.${p.code}`;
    out[q] = isMessageKey(key) ? t(key) : (p.detail ?? p.code ?? '');
  }
  return out;
}

/** An answer as text for summaries: option labels for choices, "%" for percent. */
export function formatValue(q: QuestionState, value: unknown, t?: Translate): string {
  if (value === null || value === undefined || value === '') return '';
  // A rating's "Vet ej / ej aktuellt" is stored as its own value.
  if (q.kind === 'rating' && value === 'vet-ej') return t ? t('form.notApplicable') : String(value);
  const label = (v: unknown) => q.options?.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (q.kind === 'rating') {
    const scaleLabel = q.scaleLabels?.[String(value)];
    const base = q.scale === 'percent' ? `${value} %` : String(value);
    return scaleLabel ? `${base} (${scaleLabel})` : base;
  }
  return label(value);
}

export function isAnswered(value: unknown): boolean {
  return !(value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0));
}

export type { AnswerValue };

/** "Placering P-17": the subject of a response with its type in words (the type code when unknown). */
export function subjectText(subject: { type?: string; id?: string } | undefined, t: Translate): string {
  if (!subject?.id) return '';
  const type = subject.type && subject.type !== 'none' ? subject.type : '';
  const key = `subjectType.${type}`;
  return [type ? (isMessageKey(key) ? t(key) : type) : '', subject.id].filter(Boolean).join(' ');
}

/** The answer as the server named it for a submitted response (labels of the pinned version), else formatted. */
export function answerText(q: QuestionState, labels: Record<string, unknown> | undefined, t?: Translate): string {
  const label = labels?.[q.id ?? ''];
  if (Array.isArray(label)) return label.map(String).join(', ');
  if (typeof label === 'string' && label) return label;
  return formatValue(q, q.value, t);
}
