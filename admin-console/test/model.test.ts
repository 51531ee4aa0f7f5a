import { describe, expect, it } from 'vitest';
import { diff } from '../src/diff';
import { applyLimits, limitKeys, move, newMethod, normalizeQuestion, parseAttributes, selectionOfPointer, type QuestionDef } from '../src/designer/model';

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

describe('answer limits', () => {
  const number: QuestionDef = { id: 'antal', text: 'Antal', kind: 'background', answerType: 'number' };
  const text: QuestionDef = { id: 'fritext', text: 'Fritext', kind: 'background', answerType: 'text' };

  it('offers minimum and maximum for numbers, maxLength for texts, nothing otherwise', () => {
    expect(limitKeys(number)).toEqual(['minimum', 'maximum']);
    expect(limitKeys(text)).toEqual(['maxLength']);
    expect(limitKeys({ ...number, answerType: 'date' })).toEqual([]);
    expect(limitKeys({ id: 'b', text: 'B', kind: 'rating', scale: '1-5' })).toEqual([]);
  });

  it('applies numbers written with a point or a decimal comma, and removes an emptied limit', () => {
    const r = applyLimits(number, { minimum: '-1,5', maximum: ' 10 ' });
    expect(r.errors).toEqual({});
    expect(r.question).toEqual({ ...number, minimum: -1.5, maximum: 10 });
    const cleared = applyLimits(r.question, { minimum: '' });
    expect(cleared.question).toEqual({ ...number, maximum: 10 });
    expect('minimum' in cleared.question).toBe(false);
    expect(applyLimits(number, { minimum: '5', maximum: '5' }).errors).toEqual({});
  });

  it('refuses a minimum above the maximum and text that is not a number, leaving the question as it was', () => {
    const q = { ...number, minimum: 1, maximum: 5 };
    expect(applyLimits(q, { minimum: '10' })).toEqual({ question: q, errors: { minimum: 'minAboveMax' } });
    expect(applyLimits(q, { maximum: 'tio' })).toEqual({ question: q, errors: { maximum: 'notNumber' } });
    expect(applyLimits(q, { minimum: '1e3' }).errors).toEqual({ minimum: 'notNumber' });
  });

  it('takes maxLength as an integer from 1 to 100 000', () => {
    expect(applyLimits(text, { maxLength: '200' }).question).toEqual({ ...text, maxLength: 200 });
    expect(applyLimits(text, { maxLength: '0' }).errors).toEqual({ maxLength: 'belowOne' });
    expect(applyLimits(text, { maxLength: '-3' }).errors).toEqual({ maxLength: 'belowOne' });
    expect(applyLimits(text, { maxLength: '2,5' }).errors).toEqual({ maxLength: 'notInteger' });
    expect(applyLimits(text, { maxLength: 'många' }).errors).toEqual({ maxLength: 'notInteger' });
    expect(applyLimits(text, { maxLength: '100001' }).errors).toEqual({ maxLength: 'tooLarge' });
    expect(applyLimits(text, { maxLength: '100000' }).question.maxLength).toBe(100000);
  });

  it('drops limits that do not belong to the answer type', () => {
    const q = normalizeQuestion({ ...number, minimum: 1, maximum: 3, answerType: 'text' });
    expect(q.minimum).toBeUndefined();
    expect(q.maximum).toBeUndefined();
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
