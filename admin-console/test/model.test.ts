import { describe, expect, it } from 'vitest';
import { diff } from '../src/diff';
import { move, newMethod, normalizeQuestion, parseAttributes, selectionOfPointer } from '../src/designer/model';

describe('designer model', () => {
  it('keeps a question valid for its kind', () => {
    const q = normalizeQuestion({ id: 'q', text: 'Q', kind: 'rating', answerType: 'single', options: { static: [{ value: 'a', label: 'A' }] } });
    expect(q).toEqual({ id: 'q', text: 'Q', kind: 'rating', scale: '1-5' });
    const b = normalizeQuestion({ id: 'q', text: 'Q', kind: 'background', scale: 'percent', answerType: 'single' });
    expect(b.scale).toBeUndefined();
    expect(b.options?.static?.length).toBe(2);
  });

  it('starts a new method with one area and question, and unique ids', () => {
    const m = newMethod();
    expect(m.areas).toHaveLength(1);
    expect(m.areas[0].questions[0].id).toBe('fraga1');
  });

  it('moves items, reads attributes and finds the item of a pointer', () => {
    expect(move([1, 2, 3], 2, 1)).toEqual([1, 3, 2]);
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(parseAttributes('kategori=boende, niva = 2')).toEqual({ kategori: 'boende', niva: '2' });
    expect(selectionOfPointer('/areas/1/questions/2/visibleWhen')).toEqual({ type: 'question', a: 1, q: 2 });
    expect(selectionOfPointer('/areas/0/title')).toEqual({ type: 'area', a: 0 });
    expect(selectionOfPointer('/title')).toEqual({ type: 'method' });
  });
});

describe('version diff', () => {
  it('lists added, removed and changed values by pointer', () => {
    const a = { title: 'A', areas: [{ id: 'x', questions: [{ id: 'q1' }] }], gone: 1 };
    const b = { title: 'B', areas: [{ id: 'x', questions: [{ id: 'q1' }, { id: 'q2' }] }], added: true };
    expect(diff(a, b)).toEqual([
      { pointer: '/title', change: 'changed', before: 'A', after: 'B' },
      { pointer: '/areas/0/questions/1', change: 'added', after: { id: 'q2' } },
      { pointer: '/gone', change: 'removed', before: 1 },
      { pointer: '/added', change: 'added', after: true },
    ]);
  });
});
