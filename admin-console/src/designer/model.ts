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

/** Questions as the choices of a select: "<heading or text> (<id>)". */
export function questionChoices(questions: QuestionDef[]): { value: string; label: string }[] {
  return questions.map((x) => ({ value: x.id, label: `${x.heading || x.text} (${x.id})` }));
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

/** The limits of an answer: minimum and maximum of a number, maxLength of a text. */
export type LimitKey = 'minimum' | 'maximum' | 'maxLength';
export type LimitError = 'notNumber' | 'notInteger' | 'belowOne' | 'tooLarge' | 'minAboveMax';
/** The largest maxLength the method schema allows. */
export const MAX_LENGTH_LIMIT = 100000;

/** The limits a question offers: minimum and maximum for a number question, maxLength for a text question. */
export function limitKeys(q: QuestionDef): LimitKey[] {
  if (q.kind !== 'background') return [];
  if (q.answerType === 'number') return ['minimum', 'maximum'];
  if (q.answerType === 'text') return ['maxLength'];
  return [];
}

/** A limit as the designer shows it: the number, or empty for no limit. */
export function limitText(q: QuestionDef, key: LimitKey): string {
  const v = q[key];
  return v === undefined || v === null ? '' : String(v);
}

/** A number as written: "2", "-1,5" or "2.5"; empty is no limit (undefined); anything else NaN. */
function parseNumber(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  if (!s) return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

/**
 * Checks the limits as written in the designer and applies them: minimum and maximum must be numbers with
 * minimum ≤ maximum, maxLength an integer from 1 to 100 000 (the method schema's bounds); an empty field removes the
 * limit. With any error the question is returned unchanged and the errors say which field is wrong.
 */
export function applyLimits(q: QuestionDef, texts: Partial<Record<LimitKey, string>>): { question: QuestionDef; errors: Partial<Record<LimitKey, LimitError>> } {
  const errors: Partial<Record<LimitKey, LimitError>> = {};
  const values: Partial<Record<LimitKey, number | undefined>> = {};
  for (const key of limitKeys(q)) {
    const text = texts[key] ?? limitText(q, key);
    const v = parseNumber(text);
    if (v !== undefined && Number.isNaN(v)) {
      errors[key] = key === 'maxLength' ? 'notInteger' : 'notNumber';
    } else if (key === 'maxLength' && v !== undefined) {
      if (!Number.isInteger(v)) errors[key] = 'notInteger';
      else if (v < 1) errors[key] = 'belowOne';
      else if (v > MAX_LENGTH_LIMIT) errors[key] = 'tooLarge';
    }
    values[key] = v;
  }
  if (!errors.minimum && !errors.maximum && values.minimum !== undefined && values.maximum !== undefined && values.minimum > values.maximum) {
    errors.minimum = 'minAboveMax';
  }
  if (Object.keys(errors).length) return { question: q, errors };
  return { question: normalizeQuestion({ ...q, ...values }), errors };
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
