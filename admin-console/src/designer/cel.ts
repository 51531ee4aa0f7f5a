/**
 * The condition builder's language: a few comparisons on earlier answers, written as CEL and read back.
 * Only the text is produced here; the server type-checks and evaluates it (no rule logic in the browser).
 */
import type { AutoAnswerDef, QuestionDef } from './model';

export type Operator = 'eq' | 'ne' | 'in' | 'contains' | 'answered' | 'gt' | 'lt';
export const OPERATORS: Operator[] = ['eq', 'ne', 'in', 'contains', 'answered', 'gt', 'lt'];

export interface Condition {
  question: string;
  op: Operator;
  value: string;
}

export interface ConditionGroup {
  combine: 'and' | 'or';
  conditions: Condition[];
}

const ID = '[a-zA-Z][a-zA-Z0-9_]*';
const STR = "'((?:[^'\\\\]|\\\\.)*)'";
const NUM = '(-?\\d+(?:\\.\\d+)?)';

export function isNumeric(q?: QuestionDef): boolean {
  return !!q && (q.kind === 'rating' || q.answerType === 'number');
}

export function literal(value: string, numeric: boolean): string {
  if (numeric && /^-?\d+(\.\d+)?$/.test(value.trim())) return value.trim();
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function unquote(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

export function conditionToCel(c: Condition, numeric: boolean): string {
  const a = `answers.${c.question}`;
  switch (c.op) {
    case 'eq':
      return `${a} == ${literal(c.value, numeric)}`;
    case 'ne':
      return `${a} != ${literal(c.value, numeric)}`;
    case 'in':
      return `${a} in [${c.value.split(',').map((v) => literal(v.trim(), numeric)).join(', ')}]`;
    case 'contains':
      return `(${a} != null && ${literal(c.value, false)} in ${a})`;
    case 'answered':
      return `${a} != null`;
    case 'gt':
      return `(${a} != null && ${a} > ${literal(c.value, true)})`;
    case 'lt':
      return `(${a} != null && ${a} < ${literal(c.value, true)})`;
  }
}

export function groupToCel(g: ConditionGroup, questions: Record<string, QuestionDef>): string {
  const parts = g.conditions.filter((c) => c.question).map((c) => conditionToCel(c, isNumeric(questions[c.question])));
  return parts.join(g.combine === 'and' ? ' && ' : ' || ');
}

/** Splits on a top-level operator (outside quotes, brackets and parentheses). */
function splitTop(text: string, op: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === "'") quote = false;
      continue;
    }
    if (ch === "'") quote = true;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && text.startsWith(op, i)) {
      out.push(text.substring(start, i).trim());
      start = i + op.length;
      i += op.length - 1;
    }
  }
  out.push(text.substring(start).trim());
  return out;
}

export function parseCondition(text: string): Condition | null {
  let m: RegExpExecArray | null;
  const t = text.trim();
  if ((m = new RegExp(`^answers\\.(${ID}) (==|!=) (?:${STR}|${NUM})$`).exec(t))) {
    return { question: m[1], op: m[2] === '==' ? 'eq' : 'ne', value: m[3] !== undefined ? unquote(m[3]) : m[4] };
  }
  if ((m = new RegExp(`^answers\\.(${ID}) in \\[(.*)\\]$`).exec(t))) {
    const items = splitTop(m[2], ',').map((s) => new RegExp(`^(?:${STR}|${NUM})$`).exec(s));
    if (items.some((x) => !x)) return null;
    return { question: m[1], op: 'in', value: items.map((x) => (x![1] !== undefined ? unquote(x![1]) : x![2])).join(', ') };
  }
  if ((m = new RegExp(`^answers\\.(${ID}) != null$`).exec(t))) return { question: m[1], op: 'answered', value: '' };
  if ((m = new RegExp(`^\\(answers\\.(${ID}) != null && ${STR} in answers\\.(${ID})\\)$`).exec(t)) && m[1] === m[3]) {
    return { question: m[1], op: 'contains', value: unquote(m[2]) };
  }
  if ((m = new RegExp(`^\\(answers\\.(${ID}) != null && answers\\.(${ID}) ([<>]) ${NUM}\\)$`).exec(t)) && m[1] === m[2]) {
    return { question: m[1], op: m[3] === '>' ? 'gt' : 'lt', value: m[4] };
  }
  return null;
}

/** Reads CEL the builder wrote back into conditions; null when the text is anything else. */
export function parseGroup(text: string | undefined): ConditionGroup | null {
  if (!text || !text.trim()) return { combine: 'and', conditions: [] };
  for (const combine of ['and', 'or'] as const) {
    const parts = splitTop(text.trim(), combine === 'and' ? '&&' : '||');
    if (parts.length === 1) continue;
    const conditions = parts.map(parseCondition);
    if (conditions.every(Boolean)) return { combine, conditions: conditions as Condition[] };
  }
  const single = parseCondition(text);
  return single ? { combine: 'and', conditions: [single] } : null;
}

/** optionFilter of a cascade: the alternative's attribute must equal an earlier answer. */
export function cascadeToCel(attribute: string, question: string): string {
  return `answers.${question} == null || item.attributes.${attribute} == answers.${question}`;
}

export function parseCascade(text: string | undefined): { attribute: string; question: string } | null {
  const m = new RegExp(`^answers\\.(${ID}) == null \\|\\| item\\.attributes\\.(${ID}) == answers\\.(${ID})$`).exec((text ?? '').trim());
  return m && m[1] === m[3] ? { attribute: m[2], question: m[1] } : null;
}

export type AutoValueKind = 'fixed' | 'user' | 'subject' | 'answer';
export interface AutoRule {
  when: ConditionGroup;
  kind: AutoValueKind;
  value: string;
}

export function autoValueToCel(kind: AutoValueKind, value: string, numeric: boolean): string {
  switch (kind) {
    case 'fixed':
      return literal(value, numeric);
    case 'user':
      return `user.${value}`;
    case 'subject':
      return `has(subject.${value}) ? dyn(subject.${value}) : null`;
    case 'answer':
      return `answers.${value}`;
  }
}

export function autoToDef(rule: AutoRule, questions: Record<string, QuestionDef>, self?: QuestionDef): AutoAnswerDef | undefined {
  if (!rule.value) return undefined;
  const value = autoValueToCel(rule.kind, rule.value, isNumeric(self));
  const when = groupToCel(rule.when, questions);
  return when ? { when, value } : value;
}

function parseAutoValue(text: string): { kind: AutoValueKind; value: string } | null {
  let m: RegExpExecArray | null;
  const t = text.trim();
  if ((m = new RegExp(`^${STR}$`).exec(t))) return { kind: 'fixed', value: unquote(m[1]) };
  if ((m = new RegExp(`^${NUM}$`).exec(t))) return { kind: 'fixed', value: m[1] };
  if ((m = new RegExp(`^user\\.(${ID})$`).exec(t))) return { kind: 'user', value: m[1] };
  if ((m = new RegExp(`^has\\(subject\\.(${ID})\\) \\? dyn\\(subject\\.(${ID})\\) : null$`).exec(t)) && m[1] === m[2]) return { kind: 'subject', value: m[1] };
  if ((m = new RegExp(`^answers\\.(${ID})$`).exec(t))) return { kind: 'answer', value: m[1] };
  return null;
}

export function parseAuto(def: AutoAnswerDef | undefined): AutoRule | null {
  if (def === undefined) return { when: { combine: 'and', conditions: [] }, kind: 'fixed', value: '' };
  const valueText = typeof def === 'string' ? def : def.value;
  const whenText = typeof def === 'string' ? undefined : def.when;
  const v = parseAutoValue(valueText);
  const when = parseGroup(whenText);
  return v && when ? { when, ...v } : null;
}
