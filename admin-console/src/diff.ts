/** A structural diff of two JSON documents: one entry per JSON pointer that was added, removed or changed. */
export interface DiffEntry {
  pointer: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function diff(before: unknown, after: unknown, pointer = ''): DiffEntry[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: DiffEntry[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= before.length) out.push({ pointer: `${pointer}/${i}`, change: 'added', after: after[i] });
      else if (i >= after.length) out.push({ pointer: `${pointer}/${i}`, change: 'removed', before: before[i] });
      else out.push(...diff(before[i], after[i], `${pointer}/${i}`));
    }
    return out;
  }
  if (isObj(before) && isObj(after)) {
    const out: DiffEntry[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) {
      const p = `${pointer}/${esc(k)}`;
      if (!(k in after)) out.push({ pointer: p, change: 'removed', before: before[k] });
      else if (!(k in before)) out.push({ pointer: p, change: 'added', after: after[k] });
      else out.push(...diff(before[k], after[k], p));
    }
    return out;
  }
  return [{ pointer: pointer || '/', change: 'changed', before, after }];
}
