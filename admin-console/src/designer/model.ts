/** The method format (metadata/schemas/method.schema.json) as the designer edits it. */
export interface OptionDef {
  value: string;
  label: string;
  attributes?: Record<string, unknown>;
}

export interface OptionsDef {
  static?: OptionDef[];
  codelist?: string;
  source?: string;
  params?: Record<string, unknown>;
}

export type AutoAnswerDef = string | { when?: string; value: string };

export interface QuestionDef {
  id: string;
  heading?: string;
  text: string;
  help?: string;
  kind: 'background' | 'rating';
  required?: boolean;
  visibleWhen?: string;
  autoAnswer?: AutoAnswerDef;
  answerType?: 'single' | 'multiple' | 'text' | 'number' | 'date';
  options?: OptionsDef;
  optionFilter?: string;
  scale?: '1-5' | 'percent';
  scaleLabels?: Record<string, string>;
  allowNotApplicable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  multiline?: boolean;
}

export interface AreaDef {
  id: string;
  title: string;
  description?: string;
  visibleWhen?: string;
  questions: QuestionDef[];
}

export interface MethodDef {
  $schema?: string;
  kind: 'method';
  id: string;
  title: string;
  description?: string;
  purpose: string;
  targetGroup?: string;
  area?: string;
  subjectType?: string;
  respondents?: string[];
  areas: AreaDef[];
}

export const PURPOSES = ['placement-inquiry', 'provider-response', 'evaluation', 'follow-up-interview', 'kartlaggning', 'survey'];
export const SUBJECT_TYPES = ['none', 'placement', 'client', 'provider', 'unit', 'agreement'];
export const USER_ATTRIBUTES = ['municipality', 'administration', 'team', 'jobRole', 'name', 'username', 'email'];

export type Selection = { type: 'method' } | { type: 'area'; a: number } | { type: 'question'; a: number; q: number };

function uniqueId(base: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

export function questionIds(m: MethodDef): Set<string> {
  return new Set(m.areas.flatMap((a) => a.questions.map((q) => q.id)));
}

export function newQuestion(m: MethodDef): QuestionDef {
  return {
    id: uniqueId('fraga', questionIds(m)),
    text: 'Ny fråga',
    kind: 'background',
    answerType: 'single',
    options: { static: [{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }] },
  };
}

export function newArea(m: MethodDef): AreaDef {
  const area: AreaDef = { id: uniqueId('omrade', new Set(m.areas.map((a) => a.id))), title: 'Nytt område', questions: [] };
  area.questions.push(newQuestion(m));
  return area;
}

export function newMethod(): MethodDef {
  const m: MethodDef = { kind: 'method', id: '', title: '', purpose: 'survey', subjectType: 'none', respondents: ['caseworker'], areas: [] };
  m.areas.push(newArea(m));
  return m;
}

/** Keeps a question valid for its kind and answer type: drops properties the schema forbids there. */
export function normalizeQuestion(q: QuestionDef): QuestionDef {
  const out: QuestionDef = { ...q };
  if (out.kind === 'rating') {
    delete out.answerType;
    delete out.options;
    delete out.optionFilter;
    delete out.minimum;
    delete out.maximum;
    delete out.maxLength;
    delete out.multiline;
    out.scale = out.scale ?? '1-5';
  } else {
    delete out.scale;
    delete out.scaleLabels;
    delete out.allowNotApplicable;
    out.answerType = out.answerType ?? 'text';
    if (out.answerType === 'single' || out.answerType === 'multiple') {
      out.options = out.options ?? { static: [{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }] };
    } else {
      delete out.options;
      delete out.optionFilter;
    }
    if (out.answerType !== 'number') {
      delete out.minimum;
      delete out.maximum;
    }
    if (out.answerType !== 'text') {
      delete out.maxLength;
      delete out.multiline;
    }
  }
  for (const k of Object.keys(out) as (keyof QuestionDef)[]) {
    if (out[k] === '' || out[k] === undefined) delete out[k];
  }
  return out;
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [x] = copy.splice(from, 1);
  copy.splice(to, 0, x);
  return copy;
}

/** The designer item a validation pointer (e.g. /areas/0/questions/2/visibleWhen) belongs to. */
export function selectionOfPointer(pointer: string): Selection {
  const m = /^\/areas\/(\d+)(?:\/questions\/(\d+))?/.exec(pointer);
  if (!m) return { type: 'method' };
  return m[2] === undefined ? { type: 'area', a: Number(m[1]) } : { type: 'question', a: Number(m[1]), q: Number(m[2]) };
}

/** Attributes written as "name=value, name=value". */
export function parseAttributes(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [k, ...rest] = part.split('=');
    if (k?.trim() && rest.length) out[k.trim()] = rest.join('=').trim();
  }
  return Object.keys(out).length ? out : undefined;
}

export function formatAttributes(attrs?: Record<string, unknown>): string {
  return attrs ? Object.entries(attrs).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ') : '';
}
